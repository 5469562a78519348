// The audit viewer's filters. Dates are calendar dates in Europe/Amsterdam (as the UI shows them); the
// trail stores UTC instants, so a day is turned into the UTC instants of its local midnights.
import {
  auditActionSchema,
  EARLIEST_PLAUSIBLE_DATE,
  isIsoDate,
  lineText,
  type IsoDate,
} from '@trialdesk/domain';
import type { AuditFilter, Db } from '@trialdesk/db';
import { z } from 'zod';
import { trialsWith } from '../../access/trial-access.js';
import type { SessionUser } from '../../context.js';

const TIME_ZONE = 'Europe/Amsterdam';

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which a calendar day begins in the zone (DST-safe: midnight never falls in a gap here). */
export function startOfDayUtc(date: IsoDate, timeZone = TIME_ZONE): string {
  const naive = Date.parse(`${date}T00:00:00.000Z`);
  let instant = naive - offsetAt(naive, timeZone);
  const corrected = naive - offsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant).toISOString();
}

function nextDay(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

// A filter date belongs to no trial: the global floor of plausible dates (year 0000 is refused with words).
const isoDate = z
  .string()
  .refine(isIsoDate, 'Use a date as YYYY-MM-DD')
  .refine((d) => !isIsoDate(d) || d >= EARLIEST_PLAUSIBLE_DATE, {
    message: 'entry.date.tooEarlyAny',
    params: { date: EARLIEST_PLAUSIBLE_DATE },
  });

export const auditFilterShape = {
  participant: lineText(40).toUpperCase().optional(),
  username: lineText(50).toLowerCase().optional(),
  action: auditActionSchema.optional(),
  trialId: lineText(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export function checkRange(input: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (input.from && input.to && input.to < input.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date' });
}

export const auditFilterInput = z.strictObject(auditFilterShape).superRefine(checkRange);
export type AuditFilterInput = z.infer<typeof auditFilterInput>;

/** The repository's filter: `to` includes its whole local day. */
export function toRepositoryFilter(input: AuditFilterInput): AuditFilter {
  return {
    participant: input.participant,
    username: input.username,
    action: input.action,
    trialId: input.trialId,
    fromAt: input.from ? startOfDayUtc(input.from) : undefined,
    untilAt: input.to ? startOfDayUtc(nextDay(input.to)) : undefined,
  };
}

/**
 * Which trials' entries a reader may see: every entry for an administrator; for anyone else the entries of
 * the trials where their membership reads the audit trail (a trial asked for by name was checked by the
 * procedure already). Entries of no trial (logins, accounts) are the administrator's.
 */
export async function auditableTrials(
  ctx: { db: Db; user: Pick<SessionUser, 'id' | 'role'> },
  input: { trialId?: string },
): Promise<string[] | undefined> {
  const trials = await trialsWith(ctx.db, ctx.user, 'audit:read');
  if (trials === null) return undefined;
  return input.trialId !== undefined ? trials.filter((id) => id === input.trialId) : trials;
}
