// The i18n core: typed message catalogues without a library.
//
// HOW A FEATURE ADDS TEXT
//   1. Next to the feature, create `messages.ts`:
//        export const messages = defineMessages({
//          en: { title: 'Worklist', due: '{count} due' },
//          nl: { title: 'Werklijst', due: '{count} te doen' },
//        });
//      `nl` must have exactly the keys of `en` (the type checker refuses a missing or extra key), and the
//      unit test in catalogue.test.ts checks every `messages.ts` under src/ for equal keys and placeholders.
//   2. In a component: `const t = useT(messages);` then `t('due', { count: 3 })`.
//   Shared words (roles, states, errors, buttons) live in `src/i18n/common-messages.ts`; use
//   `useT(common)` for those. Dates and numbers go through `useFormat()`, never toString().
// Catalogues travel with their feature's lazy chunk, so nothing needs registering centrally.

export const languages = ['en', 'nl'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'nl';
}

export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface Catalogue<K extends string> {
  readonly en: Messages<K>;
  readonly nl: Messages<K>;
}

/** Declares a catalogue; Dutch must carry exactly the English keys. */
export function defineMessages<const E extends Record<string, string>>(catalogue: {
  en: E;
  nl: { [K in keyof E]: string };
}): Catalogue<keyof E & string> {
  return catalogue;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so that it gets noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholders a message uses, sorted: both languages must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

export function translator<K extends string>(catalogue: Catalogue<K>, lang: Lang): Translate<K> {
  const messages = catalogue[lang];
  return (key, params) => interpolate(messages[key], params);
}
