// The accrual projection in the PDF, from the report object: the lines to the target at the predictive
// median date and at both ends of its 95% interval, drawn on the accrual chart, and the sentence that
// says when and from which recruitment window the rate comes.
import type { CommitteeReport } from '../build-report.js';
import { committeeWords } from './committee-words.js';
import { paragraph, type Doc } from './layout.js';
import type { PdfWords } from './words.js';

type Accrual = CommitteeReport['accrual'];
const ORANGE = '#D55E00';

export function drawProjection(
  doc: Doc,
  w: PdfWords,
  a: Accrual,
  sx: (i: number) => number,
  sy: (v: number) => number,
  legendAt: { x: number; y: number },
): void {
  if (!a.projection?.predictive) return;
  const line = (key: 'projected' | 'projectedEarliest' | 'projectedLatest') => {
    let started = false;
    a.points.forEach((p, i) => {
      const v = p[key];
      if (v === null) return;
      if (!started) doc.moveTo(sx(i), sy(v));
      else doc.lineTo(sx(i), sy(v));
      started = true;
    });
  };
  line('projected');
  doc.lineWidth(1.5).strokeColor(ORANGE).stroke();
  doc.dash(1.5, { space: 2 });
  line('projectedEarliest');
  line('projectedLatest');
  doc.lineWidth(0.8).strokeColor(ORANGE).stroke();
  doc.undash();
  doc
    .fontSize(7)
    .fillColor(ORANGE)
    .text(committeeWords(w.lang)('projectionLegend'), legendAt.x, legendAt.y, { lineBreak: false });
}

export function projectionText(doc: Doc, w: PdfWords, a: Accrual): void {
  const p = a.projection;
  if (!p) return;
  const t = committeeWords(w.lang);
  const win = p.rateWindow;
  paragraph(
    doc,
    p.predictive
      ? t('projection', {
          median: w.date(p.predictive.medianDate),
          lower: w.date(p.predictive.lowerDate),
          upper: w.date(p.predictive.upperDate),
          rate: w.decimal(p.ratePerMonth, 1),
          arrivals: win.arrivals,
          days: win.days,
          from: w.date(win.from),
          to: w.date(win.to),
        })
      : t('projectionNone', { days: win.days, from: w.date(win.from), to: w.date(win.to) }),
  );
}
