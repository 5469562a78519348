// Locale formatting of calendar dates, months, timestamps and numbers. Clinical dates are calendar dates
// ('YYYY-MM-DD', no time, no zone): they are formatted as UTC midnight so that no zone can shift the day.
// Timestamps (audit, voiding) are instants and are shown in Europe/Amsterdam, where the trial runs.
import type { Lang } from './catalogue';

const locales: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_MONTH = /^(\d{4})-(\d{2})$/;

const DISPLAY_TIME_ZONE = 'Europe/Amsterdam';

function utcDate(iso: string): Date | null {
  const m = CALENDAR_DATE.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** 'medium': 26 Nov 2026 / 26 nov 2026; 'numeric': 26/11/2026 / 26-11-2026. Non-dates are returned as given. */
export function formatCalendarDate(iso: string, lang: Lang, style: 'medium' | 'numeric' = 'medium'): string {
  const date = utcDate(iso);
  if (!date) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'medium'
      ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locales[lang], options).format(date);
}

/** '2021-02' → Feb 2021 / feb 2021. */
export function formatCalendarMonth(month: string, lang: Lang): string {
  const m = CALENDAR_MONTH.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locales[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** An instant (ISO timestamp) as date and time in Amsterdam. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits }).format(value);
}

/** A measurement with a fixed number of decimals (lab values: 3.0, 0.5), with locale separators. */
export function formatDecimal(value: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(locales[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A fraction (0.556) as a percentage (55.6% / 55,6%). */
export function formatPercent(fraction: number, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits }).format(fraction);
}
