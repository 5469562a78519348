// Which weekly digest an instant belongs to: the week (Monday to Sunday, Amsterdam time) is named by its
// Monday, and its digest is due from Monday 07:00 in Amsterdam (before the clinic's working day). A server
// that was down on Monday sends that week's digest at its first tick afterwards; a week never gets two.
import { addDays, dateInZone, toDayNumber, type IsoDate } from '../dates.js';

export const DIGEST_HOUR = 7;

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Monday of the date's week (ISO weeks start on Monday). */
export function mondayOf(date: IsoDate): IsoDate {
  // Day 0 of toDayNumber is 1970-01-01, a Thursday: three days after a Monday.
  const sinceMonday = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -sinceMonday);
}

/** The digest week due at this instant, or null before 07:00 on a Monday (last week's is the one then). */
export function dueDigestWeek(instant: Date): IsoDate | null {
  const today = dateInZone(instant);
  const monday = mondayOf(today);
  if (monday === today && Number(hourFormat.format(instant)) < DIGEST_HOUR) return null;
  return monday;
}
