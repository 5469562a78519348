// What every data-entry procedure shares: input errors in the user's language, field errors collected
// and thrown together, the trial and participant looked up with centre scope, and the live notice.
import {
  canAccessCentre,
  centreOf,
  centreScope,
  entryMessage,
  isEntryMessageKey,
  localizeIssues,
  type EntryMessageKey,
  type IsoDate,
  type Permission,
  type TrialDefinition,
} from '@trialdesk/domain';
import {
  findEntryParticipant,
  findTrial,
  type Db,
  type EntryParticipant,
  type TrialRecord,
} from '@trialdesk/db';
import { ZodError } from 'zod';
import { nowIso, type Context } from '../../context.js';
import { AppError, forbidden, invalidInput } from '../../errors.js';
import type { ChangeNotice } from '../../live.js';
import { participantNotAvailable } from '../../access/centre-scope.js';
import { procedureWith, type AuthedContext } from '../../trpc.js';

/**
 * A procedure needing `permission` whose zod input errors come back per field in the user's language
 * (the same words the web form shows). The permission check still runs before the input is parsed.
 */
export function entryProcedure(permission: Permission) {
  return procedureWith(permission).use(async ({ ctx, next }) => {
    const result = await next();
    if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError)
      throw invalidInput(localizeIssues(result.error.cause.issues, ctx.lang));
    return result;
  });
}

type Params = Record<string, string | number>;

/** Field errors gathered while checking one write, thrown together so the form can mark every field. */
export class FieldErrors {
  readonly fields: Record<string, string[]> = {};
  constructor(
    private readonly lang: 'en' | 'nl',
    /** Prepended to every field, e.g. 'target.changes.' for a correction. */
    private readonly prefix = '',
  ) {}

  add(field: string, key: EntryMessageKey, params?: Params): this {
    return this.addText(field, entryMessage(key, this.lang, params));
  }

  /** A message key from a domain check (a key from messages.ts, else shown as given). */
  addKey(field: string, key: string, params?: Params): this {
    return isEntryMessageKey(key) ? this.add(field, key, params) : this.addText(field, key);
  }

  addText(field: string, text: string): this {
    (this.fields[this.prefix + field] ??= []).push(text);
    return this;
  }

  /** A date must not lie after today. */
  notFuture(field: string, date: IsoDate | null | undefined, today: IsoDate): this {
    if (date && date > today) this.add(field, 'entry.date.future', { today });
    return this;
  }

  /** `date` must not precede `earliest`. */
  notBefore(
    field: string,
    date: IsoDate | null | undefined,
    earliest: IsoDate | null,
    key: EntryMessageKey,
  ): this {
    if (date && earliest && date < earliest) this.add(field, key, { date: earliest });
    return this;
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(key = 'input.invalid'): void {
    if (!this.empty) throw invalidInput(this.fields, key);
  }
}

export function fieldError(ctx: Pick<Context, 'lang'>, field: string, key: EntryMessageKey, params?: Params) {
  return invalidInput({ [field]: [entryMessage(key, ctx.lang, params)] });
}

/** An unknown trial id is bad input (the trial list is not centre-scoped, so this reveals nothing). */
export async function loadEntryTrial(
  ctx: Pick<Context, 'db' | 'lang'>,
  trialId: string,
): Promise<TrialRecord> {
  const trial = await findTrial(ctx.db, trialId);
  if (!trial) throw fieldError(ctx, 'trialId', 'entry.trial.unknown');
  return trial;
}

/**
 * The centre a new record is written for: a coordinator's own (asking for another is refused), or the
 * one an administrator names, which must be a centre of the trial.
 */
export function writeCentre(ctx: AuthedContext, def: TrialDefinition, requested: string | undefined): string {
  const own = centreScope(ctx.user, 'clinical:write');
  if (own !== null) {
    if (requested !== undefined && requested !== own) throw forbidden();
    if (!centreOf(def, own)) throw fieldError(ctx, 'centre', 'entry.centre.unknown');
    return own;
  }
  if (requested === undefined) throw fieldError(ctx, 'centre', 'entry.centre.required');
  if (!centreOf(def, requested)) throw fieldError(ctx, 'centre', 'entry.centre.unknown');
  return requested;
}

/**
 * Refuses a record the user may not touch. A centre-bound user gets the same answer for another centre's
 * record as for one that does not exist (they learn nothing); others get bad input on the id field.
 */
export function refuseUnknown(ctx: AuthedContext, permission: Permission, field: string): never {
  if (centreScope(ctx.user, permission) !== null) throw participantNotAvailable();
  throw fieldError(ctx, field, 'entry.record.unknown');
}

export function assertRecordCentre(
  ctx: AuthedContext,
  permission: Permission,
  centre: string | undefined,
  field: string,
): void {
  if (centre === undefined || !canAccessCentre(ctx.user, permission, centre))
    refuseUnknown(ctx, permission, field);
}

/** The participant a write concerns, read inside the write transaction, scoped, and not voided. */
export async function loadEntryParticipant(
  ctx: AuthedContext,
  trx: Db,
  permission: Permission,
  trialId: string,
  studyId: string,
  field = 'studyId',
): Promise<EntryParticipant> {
  const p = await findEntryParticipant(trx, trialId, studyId);
  assertRecordCentre(ctx, permission, p?.centre, field);
  if (!p) return refuseUnknown(ctx, permission, field);
  if (p.voided_at !== null) throw fieldError(ctx, field, 'entry.participant.voided');
  return p;
}

export function publishChange(
  ctx: Context,
  trialId: string,
  kind: ChangeNotice['kind'],
  centre: string | null,
) {
  ctx.live.publish({ trialId, kind, centre, at: nowIso(ctx) });
}

export function appError(
  ctx: Pick<Context, 'lang'>,
  code: 'BAD_REQUEST' | 'CONFLICT',
  key: EntryMessageKey,
  params?: Params,
): AppError {
  return new AppError(code, key, entryMessage(key, ctx.lang, params), { params });
}
