// Numbers as the two interface languages write them: a decimal point in English, a comma in Dutch.
export type EntryLang = 'en' | 'nl';

export function formatNumber(n: number, lang: EntryLang): string {
  const text = String(Number(n.toPrecision(12)));
  return lang === 'nl' ? text.replace('.', ',') : text;
}
