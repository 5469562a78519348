import { describe, expect, it } from 'vitest';
import {
  defineMessages,
  hasPluralFor,
  interpolate,
  languages,
  placeholdersOf,
  translator,
  type Catalogue,
} from './catalogue';

// Every catalogue in the app: the shared ones here and each feature's messages.ts or *-messages.ts (found by file name, so a
// new feature's catalogue is checked without registering it).
const modules = import.meta.glob<Record<string, unknown>>(
  ['./*-messages.ts', '../**/messages.ts', '../**/*-messages.ts', '!../**/*.test.ts'],
  { eager: true },
);

function isCatalogue(value: unknown): value is Catalogue<string> {
  return typeof value === 'object' && value !== null && 'en' in value && 'nl' in value;
}

const catalogues = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => isCatalogue(value))
    .map(([name, value]) => ({ name: `${file}#${name}`, catalogue: value as Catalogue<string> })),
);

// A placeholder followed (after at most one word) by a noun that changes with its number. Placeholders
// inside a plural block are not matched: the block's braces are not a bare `{name}`.
const COUNTED_NOUN = {
  en: /\{(\w+)\} (?:(?!per )[a-z-]+ )?(?:participants?|criteri(?:a|on)|items?|sessions?|accounts?|rows?|entr(?:y|ies)|events?|complications?|cycles?|days?|years?|months?|pumps?|pump\(s\)|inclusions?|screenings?|deaths?|records?|assessments?|visits?|reasons?)\b/g,
  nl: /\{(\w+)\} (?:(?!per )[a-z-]+ )?(?:deelnemers?|criteri(?:a|um)|onderdel(?:en)?|onderdeel|sessies?|accounts?|regels?|gebeurtenis(?:sen)?|complicaties?|cycli|cyclus|kuren|kuur|dagen|dag|jaren|jaar|maanden|maand|pompen|pomp|pomp\(en\)|inclusies?|screenings?|overlijdens|records?|evaluaties?|bezoeken|bezoek|redenen|reden)\b/g,
} as const;

describe('message catalogues', () => {
  it('finds the shared and the feature catalogues', () => {
    const names = catalogues.map((c) => c.name).join('\n');
    for (const expected of [
      'common-messages',
      'error-messages',
      'overview/messages',
      'participants/messages',
      'auth/messages',
    ])
      expect(names).toContain(expected);
  });

  describe.each(catalogues)('$name', ({ catalogue }) => {
    it('has exactly the same keys in English and Dutch', () => {
      expect(Object.keys(catalogue.nl).sort()).toEqual(Object.keys(catalogue.en).sort());
    });

    it('has no empty message', () => {
      for (const lang of languages)
        for (const [key, text] of Object.entries(catalogue[lang]))
          expect(text.trim(), `${lang}.${key}`).not.toBe('');
    });

    it('writes every counted noun as a plural (no "1 criteria", "1 participants")', () => {
      for (const lang of languages)
        for (const [key, text] of Object.entries(catalogue[lang]))
          for (const m of text.matchAll(COUNTED_NOUN[lang]))
            expect(
              hasPluralFor(text, m[1] ?? ''),
              `${lang}.${key}: "${m[0]}" needs {${m[1]}, plural, …}`,
            ).toBe(true);
    });

    it('uses the same placeholders in both languages', () => {
      for (const [key, en] of Object.entries(catalogue.en))
        expect(placeholdersOf(catalogue.nl[key] ?? ''), key).toEqual(placeholdersOf(en));
    });
  });
});

describe('interpolate', () => {
  it('fills named placeholders, repeatedly and with numbers', () => {
    expect(interpolate('{a} of {b} ({a})', { a: 45, b: 'forty-five' })).toBe('45 of forty-five (45)');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it('leaves text without parameters alone', () => {
    expect(interpolate('100% {x}')).toBe('100% {x}');
  });
});

describe('plurals', () => {
  const criteria = '{count, plural, =0 {no criteria} one {# criterion} other {# criteria}} not met';
  it('chooses the case by the language and formats the number', () => {
    expect(interpolate(criteria, { count: 0 }, 'en')).toBe('no criteria not met');
    expect(interpolate(criteria, { count: 1 }, 'en')).toBe('1 criterion not met');
    expect(interpolate(criteria, { count: 2 }, 'en')).toBe('2 criteria not met');
    expect(interpolate(criteria, { count: 1234 }, 'en')).toBe('1,234 criteria not met');
    const nl = '{n, plural, one {# deelnemer} other {# deelnemers}} van {total}';
    expect(interpolate(nl, { n: 1, total: 5 }, 'nl')).toBe('1 deelnemer van 5');
    expect(interpolate(nl, { n: 1234, total: 5 }, 'nl')).toBe('1.234 deelnemers van 5');
  });
  it('keeps other placeholders inside a case, and takes the general case for a preformatted number', () => {
    const t = '{n, plural, one {# session of {who}} other {# sessions of {who}}}';
    expect(interpolate(t, { n: 1, who: 'pi' })).toBe('1 session of pi');
    expect(interpolate(t, { n: '1,5', who: 'pi' })).toBe('1,5 sessions of pi');
  });
  it('names the plural variable and the inner placeholders', () => {
    expect(placeholdersOf('{n, plural, one {# of {x}} other {# of {x}}} {y}')).toEqual(['n', 'x', 'y']);
    expect(hasPluralFor(criteria, 'count')).toBe(true);
    expect(hasPluralFor('{count} criteria', 'count')).toBe(false);
  });
});

describe('translator', () => {
  const messages = defineMessages({ en: { hi: 'Hello {who}' }, nl: { hi: 'Hallo {who}' } });

  it('translates in the chosen language', () => {
    expect(translator(messages, 'en')('hi', { who: 'PI' })).toBe('Hello PI');
    expect(translator(messages, 'nl')('hi', { who: 'PI' })).toBe('Hallo PI');
  });
});
