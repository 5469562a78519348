// Protocol deviations (ICH E6(R3) 4.5): a log of departures from the protocol with their category,
// whether they are major (may affect a participant's safety or rights, or the reliability of the data) or
// minor, and the corrective action. Out-of-window visits and cycles are entered by the system, once each.
export const deviationCategories = [
  'eligibility',
  'informed_consent',
  'visit_window',
  'treatment_window',
  'treatment',
  'procedure',
  'safety_reporting',
  'other',
] as const;
export type DeviationCategory = (typeof deviationCategories)[number];

export const deviationSeverities = ['major', 'minor'] as const;
export type DeviationSeverity = (typeof deviationSeverities)[number];

export const deviationOrigins = ['manual', 'auto'] as const;
export type DeviationOrigin = (typeof deviationOrigins)[number];

/** Deviations per centre and category, the shape of the overview's and the committee report's summary. */
export interface DeviationSummaryCell {
  centre: string;
  category: DeviationCategory;
  major: number;
  minor: number;
}

export function summariseDeviations(
  rows: readonly { centre: string; category: DeviationCategory; severity: DeviationSeverity; n?: number }[],
): DeviationSummaryCell[] {
  const cells = new Map<string, DeviationSummaryCell>();
  for (const r of rows) {
    const key = `${r.centre}\u0000${r.category}`;
    const cell = cells.get(key) ?? { centre: r.centre, category: r.category, major: 0, minor: 0 };
    cell[r.severity] += r.n ?? 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.centre.localeCompare(b.centre) ||
      deviationCategories.indexOf(a.category) - deviationCategories.indexOf(b.category),
  );
}
