// tRPC is initialised here, once. Sections: meta (each procedure names its permission), error shape,
// procedures (public, authenticated, per permission) and the audit helper procedures share.

import { initTRPC } from '@trpc/server';
import {
  can,
  entryMessage,
  isCentreBound,
  findIllFormedText,
  isEntryMessageKey,
  localizeIssue,
  type Actor,
  type AuditEvent,
  type Permission,
} from '@trialdesk/domain';
import { ALL_CENTRES, appendAuditEvent, isStorageFull, NO_CENTRE, runInCentreScope } from '@trialdesk/db';
import { ZodError } from 'zod';
import { AppError, forbidden, notLoggedIn, passwordChangeRequired } from './errors.js';
import { nowIso, type Context } from './context.js';
import type { UseCaseDeps } from './use-cases/deps.js';
import { resolveAccess, trialOfInput } from './access/trial-access.js';
import { assertNotLocked } from './use-cases/locks/lock-guard.js';

// ---------------------------------------------------------------------------------------------------
// Meta: the permission a procedure needs. The role × procedure test reads it for every procedure.
// ---------------------------------------------------------------------------------------------------
export interface Meta {
  /** 'public' for login and health; otherwise the permission from the domain's permission table. */
  permission: Permission | 'public' | 'authenticated';
}

// ---------------------------------------------------------------------------------------------------
// Errors: never a stack trace or SQL; bad input comes back flattened per field.
// ---------------------------------------------------------------------------------------------------
const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    isDev: false,
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 20_000 } },
    errorFormatter({ shape, error, ctx }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      const app = error instanceof AppError ? error : null;
      const fields = zod ? flattenZod(zod, ctx?.lang ?? 'en') : app?.fields;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        message: internal
          ? 'Something went wrong on the server. Nothing was saved.'
          : zod
            ? 'Some values are not valid.'
            : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          key: app?.key ?? (zod ? 'input.invalid' : internal ? 'server.error' : null),
          params: app?.params ?? null,
          fields: fields ?? null,
        },
      };
    },
  });

/**
 * Zod issues per field. A message that is a key of the shared messages (the text policy, dates, unknown
 * fields) is put into words in the caller's language; other schemas' own messages are kept as written.
 */
function flattenZod(error: ZodError, lang: 'en' | 'nl'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const words =
      isEntryMessageKey(issue.message) || issue.code === 'unrecognized_keys'
        ? localizeIssue(issue, lang)
        : issue.message;
    (out[key] ??= []).push(words);
  }
  return out;
}

/**
 * Every string of every input, keys included, must be well-formed Unicode (text.ts says why). Checked on
 * the raw input of every procedure, before its schema, so no procedure can forget it; over HTTP the server
 * refuses such a request even earlier (apps/server/src/security.ts).
 */
const wellFormedInput = t.middleware(async ({ ctx, getRawInput, next }) => {
  // An input that cannot be read at all is the procedure's own parser's to refuse (or, for a procedure
  // without input, to ignore, as tRPC always has).
  refuseIllFormed(await getRawInput().catch(() => undefined), ctx.lang);
  return next();
});

function refuseIllFormed(raw: unknown, lang: Context['lang']): void {
  const at = findIllFormedText(raw);
  if (at !== null) {
    const message = entryMessage('entry.text.unicode', lang);
    throw new AppError('BAD_REQUEST', 'input.unicode', `${at}: ${message}`, { fields: { [at]: [message] } });
  }
}

/**
 * A write the database refused for want of disk space did not commit (the transaction rolled back whole):
 * 503 with words in the user's language, since the same request succeeds once space returns, instead of
 * the 500 of an unknown fault. Reads, which need no space, go on being served meanwhile.
 */
const storageFull = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && isStorageFull(result.error)) throw storageFullError(ctx.lang);
  return result;
});

function storageFullError(lang: Context['lang']): AppError {
  return new AppError('SERVICE_UNAVAILABLE', 'server.storageFull', entryMessage('server.storageFull', lang));
}
/**
 * A personal API token reads only (auth/api-token.ts): every mutation, and every subscription (a live stream
 * is a session's), made with one is refused with 403 before anything else runs.
 */
const readOnlyToken = t.middleware(({ ctx, type, next }) => {
  if (ctx.user?.tokenId !== undefined && type !== 'query')
    throw new AppError('FORBIDDEN', 'token.readOnly', entryMessage('token.readOnly', ctx.lang));
  return next();
});
/** Every procedure starts here. */
const base = t.procedure.use(storageFull).use(readOnlyToken);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

// ---------------------------------------------------------------------------------------------------
// Procedures
// ---------------------------------------------------------------------------------------------------

/** Login and health only. */
export const publicProcedure = base.meta({ permission: 'public' }).use(wellFormedInput);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw notLoggedIn();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Any logged-in user (their own account: me, logout, change password). */
export const authedProcedure = base
  .meta({ permission: 'authenticated' })
  .use(requireUser)
  .use(wellFormedInput);

/**
 * A procedure that needs a permission from the permission table, in the role the user has for the trial the
 * call is about (access/trial-access.ts): an administrator's own role everywhere, otherwise the membership's
 * role and centre in that trial, read afresh on every request so a membership change applies at the next
 * call. A trial the user is not a member of answers exactly as an unknown trial. The check runs before the
 * input is parsed, so a role without the permission learns nothing, not even which inputs are valid. While
 * the user must change a password an administrator set, nothing but the session's own procedures
 * (authedProcedure: me, logout, changePassword) opens, whatever the role.
 */
export function procedureWith(permission: Permission) {
  // One middleware does what base, requireUser, the access check and wellFormedInput do, in their order:
  // each middleware is a hop through tRPC that copies the call's options and context (issue 17: five hops
  // were a tenth of the overview's time in tRPC). publicProcedure and authedProcedure keep the chain.
  return t.procedure.meta({ permission }).use(async ({ ctx, type, next, getRawInput }) => {
    const result = await (async () => {
      if (ctx.user?.tokenId !== undefined && type !== 'query')
        throw new AppError('FORBIDDEN', 'token.readOnly', entryMessage('token.readOnly', ctx.lang));
      if (!ctx.user) throw notLoggedIn();
      if (ctx.user.mustChangePassword) throw passwordChangeRequired();
      // An input the transport cannot read names no trial; a procedure that takes input refuses it when it
      // parses it, one that takes none ignores it, as before.
      const raw: unknown = await getRawInput().catch(() => undefined);
      const trial = await trialOfInput(ctx.db, raw);
      const access = await resolveAccess(ctx, ctx.user, trial, permission);
      if (!access || !can(access.role, permission)) throw forbidden();
      refuseIllFormed(raw, ctx.lang);
      // From here on the user acts with the role and centre that apply to this trial, and on PostgreSQL
      // every query of the procedure runs in that centre's scope (row-level security, database-scope.ts).
      const user = { ...ctx.user, role: access.role, centre: access.centre };
      return runInCentreScope(databaseScope(access), () =>
        next({ ctx: { user, deps: depsOf({ ...ctx, user }) } }),
      );
    })().catch((error: unknown) => {
      throw isStorageFull(error) ? storageFullError(ctx.lang) : error;
    });
    if (!result.ok && isStorageFull(result.error)) throw storageFullError(ctx.lang);
    return result;
  });
}

/**
 * The centre a request's queries are limited to in the database: a centre-bound role's own centre (whatever
 * the permission: reads across centres are named, with withAllCentres), every centre for the others.
 */
export function databaseScope(actor: Actor): string {
  if (!isCentreBound(actor.role)) return ALL_CENTRES;
  return actor.centre ?? NO_CENTRE;
}

/** What a use case needs from a request: the database, clock, live bus, language and who acts. */
function depsOf(ctx: AuthedContext): UseCaseDeps {
  const { id, username, displayName, role, centre } = ctx.user;
  return {
    db: ctx.db,
    clock: ctx.clock,
    live: ctx.live,
    lang: ctx.lang,
    actor: { id, username, displayName, role, centre, ip: ctx.ip },
  };
}

export type AuthedContext = Context & { user: NonNullable<Context['user']> };

// ---------------------------------------------------------------------------------------------------
// Audit: written with the transaction of the change.
// ---------------------------------------------------------------------------------------------------
export async function audit(ctx: Context, trx: Context['db'], event: AuditEvent): Promise<number> {
  // Clinical writes go through writeAudit; should one ever come this way, locks hold here too.
  await assertNotLocked(ctx.lang, trx, event);
  return appendAuditEvent(
    trx,
    {
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      role: ctx.user?.role ?? null,
      ip: ctx.ip,
    },
    nowIso(ctx),
    event,
  );
}
