// One message format for the two interface languages, used by the domain's own messages (entry rules,
// eligibility) and by the web app's catalogues: `{name}` placeholders and ICU plural blocks,
//   '{count, plural, one {# criterion is not met} other {# criteria are not met}}',
// whose case the language's plural rules choose for the number (an exact `=N` case first), so that no
// message reads "1 criteria". Calendar dates are written in the language too ("29 Nov 2026", "29 nov 2026").
export type MessageLang = 'en' | 'nl';
export type MessageParams = Readonly<Record<string, string | number>>;

const locales: Record<MessageLang, string> = { en: 'en-GB', nl: 'nl-NL' };
const pluralRules: Record<MessageLang, Intl.PluralRules> = {
  en: new Intl.PluralRules(locales.en),
  nl: new Intl.PluralRules(locales.nl),
};
const dateFormats: Record<MessageLang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(locales.en, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  nl: new Intl.DateTimeFormat(locales.nl, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-11-29' as 29 Nov 2026 / 29 nov 2026 (UTC midnight, so no zone shifts the day); other text as given. */
export function formatCalendarDateIn(iso: string, lang: MessageLang): string {
  const m = CALENDAR_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : dateFormats[lang].format(date);
}

/** The index just after the brace that closes the one at `open` (or -1 when unbalanced). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

const PLURAL_OPEN = /\{(\w+),\s*plural,\s*/g;

interface PluralBlock {
  start: number;
  end: number;
  name: string;
  cases: Map<string, string>;
}

/** The cases of a plural block's body: `=0 {…} one {…} other {…}`. */
function pluralCases(body: string): Map<string, string> {
  const cases = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  while (at < body.length) {
    selector.lastIndex = at;
    const m = selector.exec(body);
    if (!m?.[1]) break;
    const open = selector.lastIndex - 1;
    const end = closingBrace(body, open);
    if (end < 0) break;
    cases.set(m[1], body.slice(open + 1, end - 1));
    at = end;
  }
  return cases;
}

function pluralBlocks(template: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  for (const m of template.matchAll(PLURAL_OPEN)) {
    if (blocks.some((b) => m.index < b.end)) continue; // inside an earlier block
    const end = closingBrace(template, m.index);
    if (end < 0) continue;
    const body = template.slice(m.index + m[0].length, end - 1);
    blocks.push({ start: m.index, end, name: m[1] ?? '', cases: pluralCases(body) });
  }
  return blocks;
}

function replaceBlocks(template: string, pick: (block: PluralBlock) => string | null): string {
  let out = '';
  let from = 0;
  for (const block of pluralBlocks(template)) {
    const replacement = pick(block);
    if (replacement === null) continue;
    out += template.slice(from, block.start) + replacement;
    from = block.end;
  }
  return out + template.slice(from);
}

export interface MessageFormatOptions {
  /** How a number is written: in a plural's `#` and (by default) in a `{name}` placeholder. */
  number?: (value: number, lang: MessageLang) => string;
  /** How a `{name}` placeholder's value is written; by default numbers by `number`, text as given. */
  value?: (value: string | number, lang: MessageLang) => string;
}

/**
 * Fills a message: first each plural block takes the case its number calls for (`#` is the number),
 * then `{name}` placeholders are replaced. An unknown placeholder is left visible so that it gets noticed;
 * a number given as text (formatted beforehand) can only take the `other` case.
 */
export function formatMessage(
  template: string,
  params: MessageParams | undefined,
  lang: MessageLang,
  options: MessageFormatOptions = {},
): string {
  if (!params) return template;
  const number = options.number ?? ((n: number) => String(n));
  const value = options.value ?? ((v: string | number) => (typeof v === 'number' ? number(v, lang) : v));
  const chosen = replaceBlocks(template, ({ name, cases }) => {
    const v = params[name];
    if (v === undefined) return null;
    if (typeof v === 'string') return (cases.get('other') ?? '').replaceAll('#', v);
    const text = cases.get(`=${v}`) ?? cases.get(pluralRules[lang].select(v)) ?? cases.get('other');
    return (text ?? '').replaceAll('#', number(v, lang));
  });
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : value(v, lang);
  });
}

/** The placeholders a message uses (plural variables too), sorted: both languages must use the same ones. */
export function messagePlaceholders(template: string): string[] {
  const blocks = pluralBlocks(template);
  const flat = replaceBlocks(template, ({ cases }) => [...cases.values()].join(' '));
  const simple = [...flat.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return [...new Set([...blocks.map((b) => b.name), ...simple])].sort();
}

/** Whether a message has a plural block for this placeholder. */
export function hasPluralFor(template: string, name: string): boolean {
  return pluralBlocks(template).some((b) => b.name === name);
}
