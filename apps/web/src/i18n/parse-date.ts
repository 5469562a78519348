// What a person types into a date field, read as a calendar date ('YYYY-MM-DD'). People here write the
// day first: 29-11-2026 (Dutch), 29/11/2026 (British English), 29.11.2026, or with the month's name
// (29 Nov 2026, 29 nov. 2026, 29 november 2026, 29 mrt 2026); ISO (2026-11-29) is read too, so pasted
// and exported dates work. The year has four digits: a two-digit year is ambiguous, and a half-typed
// year must not be taken as a date while the person is still typing. Anything else, and days that do
// not exist (31-02-2026), read as null.

const NUMERIC = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NAMED = /^(\d{1,2})\s*[-/.\s]?\s*([\p{L}]+)\.?\s*[-/.\s]?\s*(\d{4})$/u;

function monthNames(locale: string, month: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) =>
    format
      .format(new Date(Date.UTC(2026, i, 1)))
      .toLowerCase()
      .replace(/\.$/, ''),
  );
}

// Names in both languages, whichever is chosen: someone reading Dutch may still type 'Mar' or 'Oct', and
// no English and Dutch month names collide.
const LOCALES = ['en-GB', 'nl-NL'];
const SHORT = LOCALES.map((l) => monthNames(l, 'short'));
const LONG = LOCALES.map((l) => monthNames(l, 'long'));

/** 1–12 for a month's name, its abbreviation or its first three or more letters; null if none or several. */
export function monthFromName(text: string): number | null {
  const name = text.toLowerCase().replace(/\.$/, '');
  if (name.length < 3) return null;
  const found = new Set<number>();
  for (const names of SHORT) names.forEach((n, i) => n === name && found.add(i + 1));
  for (const names of LONG) names.forEach((n, i) => n.startsWith(name) && found.add(i + 1));
  return found.size === 1 ? [...found][0]! : null;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || year < 1000) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date a typed text means, as 'YYYY-MM-DD', or null when it is not (yet) a whole date. */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(value);
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = NAMED.exec(value);
  if (named) {
    const month = monthFromName(named[2]!);
    return month === null ? null : isoOf(Number(named[3]), month, Number(named[1]));
  }
  return null;
}
