// A Kaplan–Meier plot drawn as vectors: the confidence band as a stepped polygon, the curve as a step
// line, censoring as small vertical ticks, axes in months (0…follow-up) and survival (0…1), and the
// number-at-risk table aligned under the time axis.
import type { CurvePoint, EndpointOutcome } from '../build-outcomes.js';
import { COLOR, FONT, type Doc } from './layout.js';
import type { PdfWords } from './words.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Points of a right-continuous step function, clipped to [0, maxT]. */
function stepPath(curve: readonly CurvePoint[], value: (p: CurvePoint) => number | null, maxT: number) {
  const pts: [number, number][] = [];
  let prev: number | null = null;
  for (const p of curve) {
    if (p.time > maxT) break;
    const v = value(p);
    if (v === null) continue;
    if (prev !== null) pts.push([p.time, prev]);
    pts.push([p.time, v]);
    prev = v;
  }
  const lastT = Math.min(maxT, curve.at(-1)?.time ?? 0);
  if (prev !== null) pts.push([lastT, prev]);
  return pts;
}

export function drawKmPlot(doc: Doc, w: PdfWords, outcome: EndpointOutcome, maxT: number, box: Box): number {
  const sx = (t: number) => box.x + (t / maxT) * box.w;
  const sy = (s: number) => box.y + (1 - s) * box.h;

  // Grid and axes.
  doc.lineWidth(0.3).strokeColor(COLOR.rule);
  for (let s = 0; s <= 1.0001; s += 0.25)
    doc
      .moveTo(box.x, sy(s))
      .lineTo(box.x + box.w, sy(s))
      .stroke();
  doc.font(FONT.body).fontSize(7).fillColor(COLOR.muted);
  for (let s = 0; s <= 1.0001; s += 0.25)
    doc.text(w.decimal(s, 2), box.x - 28, sy(s) - 3, { width: 24, align: 'right', lineBreak: false });
  for (let t = 0; t <= maxT; t += 6) {
    doc
      .moveTo(sx(t), box.y + box.h)
      .lineTo(sx(t), box.y + box.h + 3)
      .lineWidth(0.5)
      .strokeColor(COLOR.text)
      .stroke();
    doc.text(String(t), sx(t) - 10, box.y + box.h + 5, { width: 20, align: 'center', lineBreak: false });
  }
  doc.lineWidth(0.7).strokeColor(COLOR.text);
  doc
    .moveTo(box.x, box.y)
    .lineTo(box.x, box.y + box.h)
    .lineTo(box.x + box.w, box.y + box.h)
    .stroke();
  doc.text(w.t('axisMonths'), box.x, box.y + box.h + 15, {
    width: box.w,
    align: 'center',
    lineBreak: false,
  });
  doc.save();
  doc.rotate(-90, { origin: [box.x - 36, box.y + box.h / 2] });
  doc.text(w.t('axisSurvival'), box.x - 36 - 50, box.y + box.h / 2 - 4, {
    width: 100,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();

  // Confidence band: upper limits left to right, then lower limits back.
  const upper = stepPath(outcome.curve, (p) => p.upper, maxT);
  const lower = stepPath(outcome.curve, (p) => p.lower, maxT);
  if (upper.length > 1 && lower.length > 1) {
    const [first, ...rest] = upper;
    if (first) {
      doc.moveTo(sx(first[0]), sy(first[1]));
      for (const [t, s] of rest) doc.lineTo(sx(t), sy(s));
      for (const [t, s] of [...lower].reverse()) doc.lineTo(sx(t), sy(s));
      doc.closePath().fillOpacity(0.35).fill(COLOR.band);
      doc.fillOpacity(1);
    }
  }

  // The curve.
  const line = stepPath(outcome.curve, (p) => p.survival, maxT);
  const [start, ...more] = line;
  if (start) {
    doc.moveTo(sx(start[0]), sy(start[1]));
    for (const [t, s] of more) doc.lineTo(sx(t), sy(s));
    doc.lineWidth(1.4).strokeColor(COLOR.accent).stroke();
  }

  // Censoring marks.
  doc.lineWidth(0.8).strokeColor(COLOR.accent);
  for (const c of outcome.censorMarks) {
    if (c.time > maxT) continue;
    doc
      .moveTo(sx(c.time), sy(c.survival) - 3)
      .lineTo(sx(c.time), sy(c.survival) + 3)
      .stroke();
  }

  // Legend.
  const lx = box.x + box.w - 150;
  const ly = box.y + 6;
  doc.rect(lx, ly, 146, 30).fillOpacity(0.9).fill('#ffffff');
  doc.fillOpacity(1);
  doc
    .moveTo(lx + 6, ly + 8)
    .lineTo(lx + 22, ly + 8)
    .lineWidth(1.4)
    .strokeColor(COLOR.accent)
    .stroke();
  doc
    .rect(lx + 6, ly + 16, 16, 6)
    .fillOpacity(0.35)
    .fill(COLOR.band);
  doc.fillOpacity(1).fillColor(COLOR.text).fontSize(7);
  doc.text(w.t('legendKm'), lx + 26, ly + 5, { lineBreak: false });
  doc.text(w.t('legendCi'), lx + 26, ly + 16, { lineBreak: false });

  // Number at risk, aligned with the ticks.
  let y = box.y + box.h + 30;
  doc.font(FONT.bold).fontSize(7).fillColor(COLOR.text);
  doc.text(w.t('numberAtRisk'), box.x - 40, y, { lineBreak: false });
  y += 10;
  doc.font(FONT.body).fontSize(7);
  for (const r of outcome.atRisk) {
    if (r.time > maxT) continue;
    doc.text(String(r.atRisk), sx(r.time) - 10, y, { width: 20, align: 'center', lineBreak: false });
  }
  return y + 14;
}
