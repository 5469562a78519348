import { describe, expect, it } from 'vitest';
import {
  defineMessages,
  interpolate,
  languages,
  placeholdersOf,
  translator,
  type Catalogue,
} from './catalogue';

// Every catalogue in the app: the shared ones here and each feature's messages.ts (found by file name, so a
// new feature's catalogue is checked without registering it).
const modules = import.meta.glob<Record<string, unknown>>(
  ['./*-messages.ts', '../**/messages.ts', '!../**/*.test.ts'],
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

describe('translator', () => {
  const messages = defineMessages({ en: { hi: 'Hello {who}' }, nl: { hi: 'Hallo {who}' } });

  it('translates in the chosen language', () => {
    expect(translator(messages, 'en')('hi', { who: 'PI' })).toBe('Hello PI');
    expect(translator(messages, 'nl')('hi', { who: 'PI' })).toBe('Hallo PI');
  });
});
