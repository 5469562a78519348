// Baseline characteristics ("Table 1") in the PDF's open part, from the same report object as the page:
// a column per centre and one for all, counted characteristics per value, missing values where any.
import type { CommitteeReport } from '../build-report.js';
import { committeeWords } from './committee-words.js';
import { CONTENT_WIDTH, heading, paragraph, table } from './layout.js';
import type { Doc } from './layout.js';
import type { PdfWords } from './words.js';

type Row = CommitteeReport['baseline']['rows'][number];

export function baselineSection(doc: Doc, w: PdfWords, b: CommitteeReport['baseline']): void {
  const t = committeeWords(w.lang);
  const num = (x: number | null) =>
    x === null ? '-' : String(Number(x.toFixed(1))).replace('.', w.lang === 'nl' ? ',' : '.');
  const label = (r: Row) =>
    r.id === 'age'
      ? t('ageYears')
      : r.kind === 'continuous' && r.unit !== ''
        ? t('withUnit', { label: r.label[w.lang], unit: r.unit })
        : r.label[w.lang];
  heading(doc, t('baselineTitle'));
  paragraph(doc, t('baselineText'), { muted: true });
  const rows: string[][] = [];
  for (const r of b.rows) {
    if (r.kind === 'continuous') {
      rows.push([
        label(r),
        ...r.cells.map((c) =>
          c.median === null ? '-' : t('medianIqr', { median: num(c.median), q1: num(c.q1), q3: num(c.q3) }),
        ),
      ]);
    } else {
      rows.push([label(r), ...b.groups.map(() => '')]);
      for (const l of r.levels)
        rows.push([
          `   ${r.id === 'sex' ? t(l.level === 'female' ? 'female' : 'male') : l.label[w.lang]}`,
          ...l.cells.map((c) =>
            c.proportion === null
              ? String(c.count)
              : t('countShare', { count: c.count, share: w.percent(c.proportion) }),
          ),
        ]);
    }
    const missing = r.kind === 'continuous' ? r.cells.map((c) => c.missing) : r.missing;
    if (missing.some((m) => m > 0)) rows.push([`   ${t('missing')}`, ...missing.map(String)]);
  }
  table(
    doc,
    [
      { header: t('characteristic'), width: 159 },
      ...b.groups.map((g) => ({
        header: g.centre === null ? t('allN', { n: g.n }) : t('groupN', { centre: g.centre, n: g.n }),
        width: Math.min(85, Math.floor((CONTENT_WIDTH - 159) / b.groups.length)),
        align: 'right' as const,
      })),
    ],
    rows,
  );
}
