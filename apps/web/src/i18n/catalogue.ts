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
//   Where a number meets a noun, write an ICU plural so that 1 reads right in both languages:
//        '{count, plural, one {# criterion not met} other {# criteria not met}}'
//      (`#` is the number in the language's format; `=0 {…}` picks an exact number). A test refuses a
//      counted noun written without one.
//   Shared words (roles, states, errors, buttons) live in `src/i18n/common-messages.ts`; use
//   `useT(common)` for those. Dates and numbers go through `useFormat()`, never toString().
// Catalogues travel with their feature's lazy chunk, so nothing needs registering centrally.

import {
  formatMessage,
  hasPluralFor,
  messagePlaceholders,
  type MessageParams as DomainMessageParams,
} from '@trialdesk/domain';

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

export type MessageParams = DomainMessageParams;

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  nl: new Intl.NumberFormat('nl-NL'),
};

/**
 * Replaces `{name}` placeholders (values as given: callers format dates and numbers with useFormat), after
 * choosing each plural block's case by the language's plural rules; `#` is the number in the language's
 * format. An unknown placeholder is left visible so that it gets noticed. The format is the domain's, so
 * the server's messages and the app's read alike.
 */
export function interpolate(template: string, params?: MessageParams, lang: Lang = 'en'): string {
  return formatMessage(template, params, lang, {
    number: (n, l) => numberFormats[l].format(n),
    value: (v) => String(v),
  });
}

/** The placeholders a message uses (plural variables too), sorted: both languages must use the same ones. */
export const placeholdersOf = messagePlaceholders;
export { hasPluralFor };

export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

export function translator<K extends string>(catalogue: Catalogue<K>, lang: Lang): Translate<K> {
  const messages = catalogue[lang];
  return (key, params) => interpolate(messages[key], params, lang);
}
