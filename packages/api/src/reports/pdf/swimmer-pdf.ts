// The swimmer plot in the PDF's closed part, from the report object: a bar per participant from inclusion
// to last follow-up, with surgery (square), cycles (ticks), first recurrence (triangle), death (dot) and
// censoring (open arrow). Long trials continue on the next page with the axis repeated.
import type { CommitteeReport } from '../build-report.js';
import { committeeWords } from './committee-words.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, heading, paragraph, type Doc } from './layout.js';
import type { PdfWords } from './words.js';

type Swimmer = NonNullable<CommitteeReport['closed']>['outcomes']['swimmers'][number];

const ROW = 8;
const LEFT = 78;
const C = { bar: '#9fb9d4', surgery: '#000000', cycle: '#0072B2', recurrence: '#E69F00', death: '#D55E00' };

export function swimmerSection(doc: Doc, w: PdfWords, swimmers: readonly Swimmer[]): void {
  const t = committeeWords(w.lang);
  doc.addPage();
  heading(doc, t('swimmerTitle'));
  paragraph(doc, t('swimmerText'), { muted: true });
  doc.font(FONT.body).fontSize(7).fillColor(COLOR.text).text(t('swimmerLegend'), PAGE.margin, doc.y);
  doc.moveDown(0.5);
  const span = Math.ceil(Math.max(6, ...swimmers.map((s) => s.end)) / 6) * 6;
  const x0 = PAGE.margin + LEFT;
  const width = CONTENT_WIDTH - LEFT - 12;
  const x = (m: number) => x0 + (Math.max(0, m) / span) * width;
  let top = doc.y;
  let row = 0;
  const axis = (y: number) => {
    doc.lineWidth(0.3).strokeColor(COLOR.rule);
    for (let m = 0; m <= span; m += 6) {
      doc.moveTo(x(m), top).lineTo(x(m), y).stroke();
      doc
        .fontSize(6.5)
        .fillColor(COLOR.muted)
        .text(String(m), x(m) - 10, y + 2, { width: 20, align: 'center' });
    }
    doc
      .fontSize(7)
      .fillColor(COLOR.text)
      .text(t('swimmerAxis'), x0, y + 11, { width, align: 'center' });
  };
  for (const s of swimmers) {
    if (top + (row + 1) * ROW > PAGE.height - PAGE.bottom - 24) {
      axis(top + row * ROW);
      doc.addPage();
      top = doc.y;
      row = 0;
    }
    const cy = top + row * ROW + ROW / 2;
    doc
      .fontSize(6)
      .fillColor(COLOR.text)
      .text(`#${s.row}`, PAGE.margin, cy - 2.5, { width: LEFT - 4, align: 'right', lineBreak: false });
    doc.rect(x(0), cy - 2, Math.max(0.5, x(s.end) - x(0)), 4).fill(C.bar);
    for (const c of s.cycles)
      doc
        .moveTo(x(c), cy - 3)
        .lineTo(x(c), cy + 3)
        .lineWidth(0.8)
        .strokeColor(C.cycle)
        .stroke();
    if (s.surgery !== null) doc.rect(x(s.surgery) - 2, cy - 2, 4, 4).fill(C.surgery);
    if (s.recurrence) {
      const rx = x(s.recurrence.months);
      doc.polygon([rx, cy - 3.5], [rx + 3.5, cy + 3], [rx - 3.5, cy + 3]).fill(C.recurrence);
    }
    if (s.ending === 'death') doc.circle(x(s.end), cy, 2.8).fill(C.death);
    else
      doc
        .polygon([x(s.end), cy - 3], [x(s.end) + 6, cy], [x(s.end), cy + 3])
        .lineWidth(0.7)
        .strokeColor(COLOR.text)
        .stroke();
    row += 1;
  }
  axis(top + row * ROW);
  doc.y = top + row * ROW + 26;
  doc.x = PAGE.margin;
}
