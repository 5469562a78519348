// Page furniture and small drawing helpers for the committee report PDF (pdfkit, A4 portrait, the
// built-in Helvetica whose WinAnsi encoding has no ≥ or ≤: the text spells them out).
import PDFDocument from 'pdfkit';

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
export const CENTRE_COLORS = ['#1c5d99', '#c2410c', '#15803d', '#7e22ce', '#a16207'];

export function createDoc(title: string, subject: string): Doc {
  return new PDFDocument({
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
}

const REPLACE: Record<string, string> = { '≥': '>=', '≤': '<=', '−': '-', '⁹': '9', '→': '->', '…': '...' };

/**
 * Text the built-in fonts can show: their WinAnsi encoding lacks ≥, ≤ and most symbols, which are spelled
 * out; anything else outside Latin-1 becomes '?', never a wrong glyph.
 */
export function pdfSafe(text: string): string {
  return [...text]
    .map((ch) => REPLACE[ch] ?? (ch.charCodeAt(0) <= 0xff || '–—‘’“”•×'.includes(ch) ? ch : '?'))
    .join('');
}

/** Moves to a new page unless `height` points still fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(COLOR.accent).text(text, PAGE.margin, doc.y);
  const y = doc.y + 2;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y = y + 6;
  doc.font('Helvetica').fontSize(9).fillColor(COLOR.text);
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean; size?: number } = {}): void {
  doc
    .font('Helvetica')
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
    doc.font('Helvetica-Bold').fontSize(8).fillColor(COLOR.text);
    let cx = x;
    for (const c of columns) {
      doc.text(c.header, cx + 3, y + 3.5, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false });
      cx += c.width;
    }
    doc.y = y + rowH;
  };
  ensureSpace(doc, rowH * Math.min(rows.length + 1, 4));
  drawHeader();
  doc.font('Helvetica').fontSize(8);
  for (const row of rows) {
    if (doc.y + rowH > PAGE.height - PAGE.bottom) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(8);
    }
    const y = doc.y;
    let cx = x;
    row.forEach((cell, i) => {
      const c = columns[i];
      if (!c) return;
      doc.fillColor(COLOR.text).text(pdfSafe(cell), cx + 3, y + 3.5, {
        width: c.width - 6,
        align: c.align ?? 'left',
        lineBreak: false,
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
  stamp: { left: string; right: string; footer: string; synthetic: boolean },
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = CONTENT_WIDTH;
    doc.font('Helvetica-Bold').fontSize(8).fillColor(COLOR.accent);
    // A long cut label is cut short with an ellipsis rather than running into the date on the right.
    doc.text(pdfSafe(stamp.left), PAGE.margin, 28, { width: w * 0.68, height: 10, ellipsis: true });
    doc.font('Helvetica').fontSize(8).fillColor(COLOR.muted);
    doc.text(stamp.right, PAGE.margin + w * 0.7, 28, { width: w * 0.3, align: 'right', lineBreak: false });
    if (stamp.synthetic) {
      doc.font('Helvetica-Bold').fontSize(7.5).fillColor(COLOR.warn);
      doc.text('SYNTHETIC DATA - not real participants', PAGE.margin, 40, { width: w, lineBreak: false });
    }
    doc
      .moveTo(PAGE.margin, 52)
      .lineTo(PAGE.margin + w, 52)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const fy = PAGE.height - 40;
    doc
      .moveTo(PAGE.margin, fy - 6)
      .lineTo(PAGE.margin + w, fy - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.font('Helvetica').fontSize(7).fillColor(COLOR.muted);
    doc.text(stamp.footer, PAGE.margin, fy, { width: w - 70, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.margin + w - 70, fy, {
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
