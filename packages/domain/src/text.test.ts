import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctionReason, entryText } from './entry/common.js';
import { findIllFormedText, freeText, isWellFormedText, lineText, storableText } from './text.js';

const issues = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) => schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('the text policy', () => {
  it('refuses a lone surrogate of either half, and only that, as ill-formed', () => {
    for (const bad of ['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\ude00\ud83d'])
      expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', 'plain', '😀', 'a\ud83d\ude00b', '\uFFFD', 'Café'])
      expect(isWellFormedText(good), JSON.stringify(good)).toBe(true);
  });

  it('refuses C0 (tab and line breaks only in free text), DEL, C1, U+2028/9 and bidi overrides', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u0085', '\u009f']) {
      expect(issues(lineText(50), `a${c}b`)).toEqual(['entry.text.control']);
      expect(issues(freeText(50), `a${c}b`)).toEqual(['entry.text.control']);
    }
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(issues(freeText(50), `a${c}b`)).toEqual(['entry.text.bidi']);
    for (const c of ['\n', '\r', '\u2028', '\u2029'])
      expect(issues(lineText(50), `a${c}b`)).toEqual(['entry.text.lineBreak']);
    expect(issues(lineText(50), 'a\tb')).toEqual(['entry.text.control']);
    expect(freeText(50).parse('line one\nline\ttwo\r\n')).toBe('line one\nline\ttwo');
    expect(issues(freeText(50), 'a\u2028b')).toEqual(['entry.text.lineBreak']);
    // Right-to-left marks are how RTL names are typed; they cannot reorder a span.
    expect(lineText(50).parse('\u200fשלום\u200e')).toBe('\u200fשלום\u200e');
  });

  it('stops at an ill-formed text with one message', () => {
    expect(issues(correctionReason, 'typo \ud800 fixed')).toEqual(['entry.text.unicode']);
    expect(issues(entryText(5), '\ud800'.repeat(10))).toEqual(['entry.text.unicode']);
  });

  it('trims and normalises to NFC, and counts length after that', () => {
    expect(correctionReason.parse('  Cafe\u0301  ')).toBe('Caf\u00e9');
    expect(lineText(4).parse('e\u0301e\u0301e\u0301e\u0301')).toBe('éééé');
    expect(issues(correctionReason, ' ab ')).toHaveLength(1);
  });

  it('the same words typed in NFC or NFD are the same stored string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (s) => {
        const a = freeText(500).safeParse(s.normalize('NFC'));
        const b = freeText(500).safeParse(s.normalize('NFD'));
        expect(a.success).toBe(b.success);
        if (a.success && b.success) expect(a.data).toBe(b.data);
      }),
    );
  });
});

describe('storableText', () => {
  it('is what an engine keeps: lone surrogates and NUL become U+FFFD, all else unchanged', () => {
    expect(storableText('a\ud800b\udfffc\u0000d😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = storableText(s);
        expect(isWellFormedText(out)).toBe(true);
        // Round trip through UTF-8, as SQLite stores it: unchanged once storable.
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
        if (isWellFormedText(s) && !s.includes('\u0000')) expect(out).toBe(s);
      }),
    );
  });
});

describe('findIllFormedText', () => {
  it('names the path of a bad value or key anywhere in a request', () => {
    expect(findIllFormedText({ a: [1, { b: 'ok' }, { c: 'x\ud800' }] })).toBe('a.2.c');
    expect(findIllFormedText({ a: { ['k\udc00']: 1 } })).toBe('a.k\udc00');
    expect(findIllFormedText('\ud800')).toBe('_');
    expect(findIllFormedText({ a: ['fine', '😀'], n: 1, z: null })).toBeNull();
  });
});
