// The CONSORT flow drawn as boxes and arrows: the main column goes down from screening to analysis, and
// those who leave the flow at each step branch off to the right.
import type { ConsortFlow } from '@trialdesk/domain';
import { consortLines } from '../consort-text.js';
import { COLOR, FONT, PAGE, type Doc } from './layout.js';
import type { PdfWords } from './words.js';

const MAIN_W = 230;
const SIDE_W = 225;
const GAP = 16;

function boxHeight(doc: Doc, lines: readonly string[], w: number): number {
  doc.font(FONT.body).fontSize(8);
  return 8 + lines.reduce((h, l) => h + doc.heightOfString(l, { width: w - 12 }) + 1, 0);
}

function box(doc: Doc, x: number, y: number, w: number, lines: readonly string[]): number {
  const h = boxHeight(doc, lines, w);
  doc.rect(x, y, w, h).lineWidth(0.8).fillAndStroke(COLOR.fill, COLOR.accent);
  let ty = y + 4;
  lines.forEach((l, i) => {
    doc
      .font(i === 0 ? FONT.bold : FONT.body)
      .fontSize(8)
      .fillColor(COLOR.text);
    doc.text(l, x + 6, ty, { width: w - 12 });
    ty += doc.heightOfString(l, { width: w - 12 }) + 1;
  });
  return h;
}

function arrow(doc: Doc, x1: number, y1: number, x2: number, y2: number): void {
  doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.8).strokeColor(COLOR.text).stroke();
  const a = Math.atan2(y2 - y1, x2 - x1);
  const s = 5;
  doc
    .moveTo(x2, y2)
    .lineTo(x2 - s * Math.cos(a - 0.4), y2 - s * Math.sin(a - 0.4))
    .lineTo(x2 - s * Math.cos(a + 0.4), y2 - s * Math.sin(a + 0.4))
    .closePath()
    .fill(COLOR.text);
}

export function drawConsort(
  doc: Doc,
  w: PdfWords,
  flow: ConsortFlow,
  criterionText: (id: string) => string,
): void {
  const steps = consortLines(flow, w, criterionText);
  const x = PAGE.margin;
  const sideX = PAGE.margin + MAIN_W + 40;
  let y = doc.y + 4;
  steps.forEach((step, i) => {
    const mainH = boxHeight(doc, step.main, MAIN_W);
    const sideH = step.side ? boxHeight(doc, step.side, SIDE_W) : 0;
    const rowH = Math.max(mainH, sideH);
    if (y + rowH > PAGE.height - PAGE.bottom) {
      doc.addPage();
      y = doc.y;
    }
    box(doc, x, y, MAIN_W, step.main);
    if (step.side) {
      const sy = y + Math.max(0, (mainH - sideH) / 2);
      box(doc, sideX, sy, SIDE_W, step.side);
      arrow(doc, x + MAIN_W, y + mainH / 2, sideX, y + mainH / 2);
    }
    const next = y + rowH + GAP;
    if (i < steps.length - 1) arrow(doc, x + MAIN_W / 2, y + mainH, x + MAIN_W / 2, next);
    y = next;
  });
  doc.y = y;
  doc.x = PAGE.margin;
}
