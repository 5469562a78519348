// Wall-clock times in the trial's zone (Europe/Amsterdam) and the UTC instants they name. The site types
// when it became aware of an event as it reads the clock on the ward; the clocks run on UTC instants, so a
// 24-hour clock is 24 real hours also across a change to or from summer time.

export const DISPLAY_ZONE = 'Europe/Amsterdam';

/** A wall-clock time as typed: `YYYY-MM-DDTHH:mm`. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let fmt = partFormats.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partFormats.set(zone, fmt);
  }
  return fmt;
}

/** The wall-clock time (`YYYY-MM-DDTHH:mm`) of an instant in a zone. */
export function localDateTime(instant: Date | string, zone = DISPLAY_ZONE): string {
  const parts = partsFormat(zone).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Whether a string is a well-formed wall-clock time that exists on the calendar (not 2026-02-30T10:00). */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return (
    y >= 1 &&
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    h < 24 &&
    mi < 60
  );
}

/**
 * The UTC instant of a wall-clock time in a zone. A time that does not exist (the hour skipped when summer
 * time starts, 02:00–02:59 on the last Sunday of March in Amsterdam) is null. A time that happens twice (the
 * hour repeated in October) is its first occurrence: the earlier instant starts the clock sooner, which is
 * the safe reading for a reporting deadline.
 */
export function instantOfLocal(local: string, zone = DISPLAY_ZONE): Date | null {
  if (!isLocalDateTime(local)) return null;
  const m = LOCAL_DATE_TIME.exec(local)!;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset is one of those in force a day either side (no zone changes twice within two days).
  const offsets = new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc + 86_400_000, zone)]);
  const candidates = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((t) => localDateTime(new Date(t), zone) === local)
    .sort((a, b) => a - b);
  return candidates[0] === undefined ? null : new Date(candidates[0]);
}

/** The zone's offset from UTC at an instant, in milliseconds (Amsterdam: +1 h in winter, +2 h in summer). */
function offsetAt(t: number, zone: string): number {
  const local = localDateTime(new Date(t), zone);
  const m = LOCAL_DATE_TIME.exec(local)!;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const flooredToMinute = t - (((t % 60_000) + 60_000) % 60_000);
  return Date.UTC(y, mo - 1, d, h, mi) - flooredToMinute;
}
