// Calendar dates for journeys, relative to today in Amsterdam (the server's "today" is the same), and the
// way the app writes them, so that a journey computes what it expects from the day it runs.
const DAY = 86_400_000;

export const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Calendar months later, a missing day clamped to the month's end (as the app schedules visits). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export const daysAgo = (days: number): string => addDays(today, -days);

/**
 * "29 Nov 2026" / "29 nov 2026": how the app shows a calendar date in each language (British English and
 * Dutch, as the app's own formatter; Node and Chromium share the CLDR month names, "Sept" included).
 */
export function shown(iso: string, lang: 'en' | 'nl' = 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}
