// Baseline characteristics ("Table 1") per centre and overall, from what the trial records at inclusion:
// age and sex, and every value the eligibility form measures (for PUMP-III: ECOG performance status and the
// baseline labs). A measured integer with few possible values (ECOG 0-4) is counted per value; the rest are
// medians with the interquartile range. Missing values are counted, never imputed; percentages are of the
// participants with a value. Checked against R (make-baseline-reference.R) in committee-baseline-r.
import type { TrialDataset, TrialDefinition } from '@trialdesk/domain';

type Localized = { en: string; nl: string };

export interface BaselineSummary {
  /** Participants with a value, and without one. */
  n: number;
  missing: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

export interface BaselineCount {
  count: number;
  /** Share of the participants with a value (0-1); null when none has one. */
  proportion: number | null;
}

export type BaselineRow =
  | { kind: 'continuous'; id: string; label: Localized; unit: string; cells: BaselineSummary[] }
  | {
      kind: 'categorical';
      id: string;
      label: Localized;
      levels: { level: string; label: Localized; cells: BaselineCount[] }[];
      missing: number[];
    };

export interface BaselineTable {
  /** The columns: each centre (by code) then all centres (centre null). */
  groups: { centre: string | null; n: number }[];
  rows: BaselineRow[];
}

/** R's default quantile (type 7): linear interpolation between order statistics. */
export function quantileType7(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

function summarise(values: readonly (number | null)[]): BaselineSummary {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return {
    n: present.length,
    missing: values.length - present.length,
    median: quantileType7(present, 0.5),
    q1: quantileType7(present, 0.25),
    q3: quantileType7(present, 0.75),
    min: present[0] ?? null,
    max: present.at(-1) ?? null,
  };
}

function counts(values: readonly (string | null)[], level: string): BaselineCount {
  const withValue = values.filter((v) => v !== null).length;
  const count = values.filter((v) => v === level).length;
  return { count, proportion: withValue > 0 ? count / withValue : null };
}

/** Few enough whole values to count each (ECOG 0-4), rather than a median. */
const MAX_LEVELS = 6;

const SEX: Localized = { en: 'Sex', nl: 'Geslacht' };
const AGE: Localized = { en: 'Age at inclusion', nl: 'Leeftijd bij inclusie' };
const SEX_LEVELS: { level: 'female' | 'male'; label: Localized }[] = [
  { level: 'female', label: { en: 'Female', nl: 'Vrouw' } },
  { level: 'male', label: { en: 'Male', nl: 'Man' } },
];

export function buildBaseline(def: TrialDefinition, data: TrialDataset): BaselineTable {
  const groups = [
    ...def.centres.map((c) => data.participants.filter((p) => p.centre === c.code)),
    data.participants,
  ];
  const rows: BaselineRow[] = [
    {
      kind: 'continuous',
      id: 'age',
      label: AGE,
      unit: 'years',
      cells: groups.map((g) => summarise(g.map((p) => p.ageAtInclusion))),
    },
    {
      kind: 'categorical',
      id: 'sex',
      label: SEX,
      levels: SEX_LEVELS.map((l) => ({
        ...l,
        cells: groups.map((g) =>
          counts(
            g.map((p) => p.sex),
            l.level,
          ),
        ),
      })),
      missing: groups.map(() => 0),
    },
  ];
  for (const c of def.eligibility.inclusion) {
    // Age is already the first row, from the participant record itself.
    if (c.kind !== 'measure' || c.id === 'age') continue;
    const label = c.label ?? c.text;
    const valueOf = (g: TrialDataset['participants']) => g.map((p) => p.baseline?.[c.id] ?? null);
    const span = c.plausible.max - c.plausible.min;
    if (c.integer && span < MAX_LEVELS) {
      const levels = Array.from({ length: span + 1 }, (_, i) => String(c.plausible.min + i));
      const asText = (g: TrialDataset['participants']) =>
        valueOf(g).map((v) => (v === null ? null : String(v)));
      rows.push({
        kind: 'categorical',
        id: c.id,
        label,
        levels: levels
          .map((level) => ({
            level,
            label: { en: level, nl: level },
            cells: groups.map((g) => counts(asText(g), level)),
          }))
          // A value nobody has (ECOG 3 and 4 among eligible participants) is left out.
          .filter((l) => l.cells.some((x) => x.count > 0)),
        missing: groups.map((g) => valueOf(g).filter((v) => v === null).length),
      });
    } else {
      rows.push({
        kind: 'continuous',
        id: c.id,
        label,
        unit: c.unit,
        cells: groups.map((g) => summarise(valueOf(g))),
      });
    }
  }
  return {
    groups: groups.map((g, i) => ({ centre: def.centres[i]?.code ?? null, n: g.length })),
    rows,
  };
}
