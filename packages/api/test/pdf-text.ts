// Reads a pdfkit PDF without a PDF library: the title from its Info dictionary, and the text each page
// shows, where each embedded font's ToUnicode map turns the glyph codes of the page content streams back
// into characters. Enough for the report's own PDFs (pdfkit writes fonts as Type0/Identity-H with 2-byte
// codes and a ToUnicode CMap), not a general PDF reader.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  id: number;
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): PdfObject[] {
  const raw = pdf.toString('latin1');
  const out: PdfObject[] = [];
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const end = raw.indexOf('endobj', m.index);
    const body = raw.slice(m.index + m[0].length, end);
    const s = /stream\r?\n/.exec(body);
    let stream: Buffer | null = null;
    if (s) {
      const start = m.index + m[0].length + s.index + s[0].length;
      const stop = raw.indexOf('endstream', start);
      try {
        stream = inflateSync(pdf.subarray(start, stop));
      } catch {
        stream = pdf.subarray(start, stop);
      }
    }
    out.push({ id: Number(m[1]), dict: s ? body.slice(0, s.index) : body, stream });
  }
  return out;
}

// pdfkit writes a ligature's characters as one hex string with spaces: <0066 006c> for 'fl'.
const utf16 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');

/** Glyph code → text, from a ToUnicode CMap (bfchar and bfrange, with a start value or an array). */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(src ?? '0', 16), utf16(dst ?? ''));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g;
    for (const [, lo, hi, dst] of (block[1] ?? '').matchAll(re)) {
      const from = parseInt(lo ?? '0', 16);
      const to = parseInt(hi ?? '0', 16);
      if (dst?.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => utf16(x[1] ?? ''));
        items.forEach((text, i) => map.set(from + i, text));
      } else {
        const base = parseInt((dst ?? '<0>').slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  return map;
}

/** Text shown by each page content stream, in file order (pdfkit writes one per page). */
export function pageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const byId = new Map(objs.map((o) => [o.id, o]));
  // Font resource names (/F1 …) are unique within a pdfkit document.
  const fontOf = new Map<string, Map<number, string>>();
  for (const o of objs)
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = byId.get(Number(ref));
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? '')?.[1];
      const cmap = toUnicode ? byId.get(Number(toUnicode))?.stream : null;
      if (name && cmap) fontOf.set(name, parseCmap(cmap.toString('latin1')));
    }
  const out: string[] = [];
  for (const o of objs) {
    const body = o.stream?.toString('latin1') ?? '';
    if (!/\bTJ\b/.test(body) || !/\bTf\b/.test(body)) continue;
    let cmap: Map<number, string> | undefined;
    let text = '';
    for (const [, font, hex] of body.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]+)>/g)) {
      if (font) cmap = fontOf.get(font);
      else if (hex && cmap)
        for (let i = 0; i + 4 <= hex.length; i += 4)
          text += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    }
    out.push(text);
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
