// Test helpers for sessions. The server builds a new context (and so re-reads the session) for every
// request; `perRequest` does the same for a caller, so that a session ended or expired between two calls
// is noticed at the second call, as it would be over HTTP.
import { DEMO_PASSWORD } from '@trialdesk/db';
import type { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError } from '../src/errors.js';
import type { createCaller } from '../src/root.js';
import { MemoryCookieJar, type Harness } from './harness.js';

type Caller = ReturnType<typeof createCaller>;

export function perRequest(h: Harness, jar: MemoryCookieJar, ip?: string): Caller & { jar: MemoryCookieJar } {
  const build = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => {
        if (key === 'then') return undefined; // not a promise
        if (path.length === 0 && key === 'jar') return jar;
        return build([...path, String(key)]);
      },
      apply: async (_target, _this, args: unknown[]) => {
        const caller = await h.caller(jar, ip);
        const fn = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
          ...a: unknown[]
        ) => Promise<unknown>;
        return fn(...args);
      },
    });
  return build([]) as Caller & { jar: MemoryCookieJar };
}

/** Logs in and returns a caller that resolves the session anew on every call, and its cookie jar. */
export async function signIn(
  h: Harness,
  username: string,
  password = DEMO_PASSWORD,
  ip?: string,
): Promise<Caller & { jar: MemoryCookieJar }> {
  const jar = new MemoryCookieJar();
  await (await h.caller(jar, ip)).auth.login({ username, password });
  return perRequest(h, jar, ip);
}

/** The per-field messages of a BAD_REQUEST, whether zod or a domain rule refused the input. */
export function fieldsOf(error: TRPCError): Record<string, string[]> {
  if (error instanceof AppError) return error.fields ?? {};
  const out: Record<string, string[]> = {};
  if (error.cause instanceof ZodError)
    for (const issue of error.cause.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}
