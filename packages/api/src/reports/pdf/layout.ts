// Page furniture and small drawing helpers for the committee report PDF (pdfkit, A4 portrait). The text
// is set in DejaVu Sans (Condensed, for tables) embedded from the dejavu-fonts-ttf package: the built-in
// Helvetica's WinAnsi encoding has no ≥, ≤ or superscripts, so "×10⁹/L" printed as "×109/L".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PdfWords } from './words.js';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 48, top: 70, bottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const COLOR = {
  text: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  fill: '#f0f4f8',
  accent: '#1c5d99',
  band: '#9fc3e7',
  warn: '#b44d12',
};

/** The names the report draws with, registered in every document. */
export const FONT = { body: 'Body', bold: 'Bold', mono: 'Mono' } as const;

const fontFiles = {
  [FONT.body]: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
  [FONT.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
  [FONT.mono]: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};
// Resolved from this module (or from the server bundle, whose package also depends on the fonts) and read
// once; pdfkit embeds only the glyphs each document uses.
const resolveFont = createRequire(import.meta.url);
let fontData: Record<string, Buffer> | null = null;
function fonts(): Record<string, Buffer> {
  fontData ??= Object.fromEntries(
    Object.entries(fontFiles).map(([name, file]) => [name, readFileSync(resolveFont.resolve(file))]),
  );
  return fontData;
}

export function createDoc(title: string, subject: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    info: {
      Title: title,
      Subject: subject,
      Author: 'Trialdesk',
      Creator: 'Trialdesk',
      Producer: 'Trialdesk',
    },
  });
  for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
  return doc.font(FONT.body);
}

/** Moves to a new page unless `height` points still fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.accent).text(text, PAGE.margin, doc.y);
  const y = doc.y + 2;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y = y + 6;
  doc.font(FONT.body).fontSize(9).fillColor(COLOR.text);
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean; size?: number } = {}): void {
  doc
    .font(FONT.body)
    .fontSize(options.size ?? 9)
    .fillColor(options.muted ? COLOR.muted : COLOR.text)
    .text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor(COLOR.text);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A plain table with a shaded header row; breaks across pages and repeats the header. */
export function table(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  x = PAGE.margin,
): void {
  const rowH = 14;
  const drawHeader = () => {
    const y = doc.y;
    doc
      .rect(
        x,
        y,
        columns.reduce((s, c) => s + c.width, 0),
        rowH,
      )
      .fill(COLOR.fill);
    doc.font(FONT.bold).fontSize(8).fillColor(COLOR.text);
    let cx = x;
    for (const c of columns) {
      // One line per cell: a long word is cut short with an ellipsis instead of wrapping into the next row.
      doc.text(c.header, cx + 3, y + 3.5, {
        width: c.width - 6,
        height: rowH - 4,
        align: c.align ?? 'left',
        ellipsis: true,
      });
      cx += c.width;
    }
    doc.y = y + rowH;
  };
  ensureSpace(doc, rowH * Math.min(rows.length + 1, 4));
  drawHeader();
  doc.font(FONT.body).fontSize(8);
  for (const row of rows) {
    if (doc.y + rowH > PAGE.height - PAGE.bottom) {
      doc.addPage();
      drawHeader();
      doc.font(FONT.body).fontSize(8);
    }
    const y = doc.y;
    let cx = x;
    row.forEach((cell, i) => {
      const c = columns[i];
      if (!c) return;
      doc.fillColor(COLOR.text).text(cell, cx + 3, y + 3.5, {
        width: c.width - 6,
        height: rowH - 4,
        align: c.align ?? 'left',
        ellipsis: true,
      });
      cx += c.width;
    });
    const w = columns.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(x, y + rowH)
      .lineTo(x + w, y + rowH)
      .lineWidth(0.3)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.y = y + rowH;
  }
  doc.x = PAGE.margin;
  doc.moveDown(0.5);
}

/** Header and footer on every page: trial, cut, as-of date, content hash, synthetic label, page numbers. */
export function stampPages(
  doc: Doc,
  w: PdfWords,
  stamp: { left: string; right: string; footer: string; synthetic: boolean },
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = CONTENT_WIDTH;
    doc.font(FONT.bold).fontSize(8).fillColor(COLOR.accent);
    // A long cut label is cut short with an ellipsis rather than running into the date on the right.
    doc.text(stamp.left, PAGE.margin, 28, { width: width * 0.68, height: 10, ellipsis: true });
    doc.font(FONT.body).fontSize(8).fillColor(COLOR.muted);
    doc.text(stamp.right, PAGE.margin + width * 0.7, 28, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    if (stamp.synthetic) {
      doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.warn);
      doc.text(w.t('syntheticStamp'), PAGE.margin, 40, { width, lineBreak: false });
    }
    doc
      .moveTo(PAGE.margin, 52)
      .lineTo(PAGE.margin + width, 52)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const fy = PAGE.height - 40;
    doc
      .moveTo(PAGE.margin, fy - 6)
      .lineTo(PAGE.margin + width, fy - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.font(FONT.body).fontSize(7).fillColor(COLOR.muted);
    doc.text(stamp.footer, PAGE.margin, fy, { width: width - 70, lineBreak: false });
    doc.text(w.t('page', { n: i - range.start + 1, count: range.count }), PAGE.margin + width - 70, fy, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(COLOR.text);
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
