// Reading a pdfkit PDF without a PDF library: its compressed content streams are inflated to read the
// text drawn on each page, and the title is read from the Info dictionary.
import { inflateSync } from 'node:zlib';

/** Text shown by each content stream (pdfkit writes one per page, as hex strings in TJ arrays). */
export function pageTexts(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!/\bTJ\b/.test(body)) continue;
    const hex = [...body.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) =>
      Buffer.from(x[1] ?? '', 'hex').toString('latin1'),
    );
    out.push(hex.join(''));
  }
  return out;
}

/** The document title from the Info dictionary (pdfkit stores it as an indirect string object). */
export function pdfTitle(pdf: Buffer): string | null {
  const raw = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(raw)?.[1];
  if (ref === undefined) return /\/Title \(([^)]*)\)/.exec(raw)?.[1] ?? null;
  return new RegExp(`\\n${ref} 0 obj\\n\\(([^)]*)\\)`).exec(raw)?.[1] ?? null;
}
