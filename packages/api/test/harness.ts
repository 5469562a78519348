// A fresh database with all migrations and the demo seed, and callers logged in as any user. The database
// is SQLite in memory, or on the PostgreSQL pass of the suite its own database on the test cluster.
import { DEMO_PASSWORD, TEST_ONLY_PASSWORD_COST, type OpenDatabase } from '@trialdesk/db';
import { execute, openTestDatabase, queryRow, queryRows } from '@trialdesk/db/testing';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { createCaller } from '../src/root.js';
import { createContext, type CookieJar, type AuthSettings, defaultAuthSettings } from '../src/context.js';
import { LiveBus } from '../src/live.js';

export const AS_OF = '2026-11-26';

export class MemoryCookieJar implements CookieJar {
  readonly values = new Map<string, string>();
  get(name: string) {
    return this.values.get(name);
  }
  set(name: string, value: string) {
    this.values.set(name, value);
  }
  clear(name: string) {
    this.values.delete(name);
  }
}

export interface Harness {
  open: OpenDatabase;
  /** Raw SQL with `?` placeholders on the harness database (either engine), for checks the API hides. */
  row<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  rows<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  run(text: string, ...params: unknown[]): Promise<number>;
  live: LiveBus;
  clock: { now: Date };
  auth: AuthSettings;
  caller(jar?: CookieJar, ip?: string): Promise<ReturnType<typeof createCaller>>;
  as(username: string): Promise<ReturnType<typeof createCaller> & { jar: MemoryCookieJar }>;
  close(): Promise<void>;
}

export async function createHarness(
  options: { seed?: boolean; auth?: Partial<AuthSettings>; liveSessionCheckMs?: number } = {},
): Promise<Harness> {
  const clock = { now: new Date(`${AS_OF}T10:00:00.000Z`) };
  const auth = { ...defaultAuthSettings, ...options.auth };
  const open = await openTestDatabase({
    // The demo accounts are hashed at a test-only cost so that logging in takes milliseconds; the production
    // cost is checked in password-cost.int.test.ts.
    seed:
      options.seed === false
        ? false
        : { asOf: AS_OF, now: clock.now.toISOString(), passwordCost: TEST_ONLY_PASSWORD_COST },
  });
  const live = new LiveBus(null, options.liveSessionCheckMs);
  const caller = async (jar: CookieJar = new MemoryCookieJar(), ip = '127.0.0.1') =>
    createCaller(
      await createContext({
        db: open.db,
        clock: () => clock.now,
        live,
        cookies: jar,
        ip,
        userAgent: 'vitest',
        auth,
      }),
    );
  return {
    open,
    row: (text, ...params) => queryRow(open.db, text, ...params),
    rows: (text, ...params) => queryRows(open.db, text, ...params),
    run: (text, ...params) => execute(open.db, text, ...params),
    live,
    clock,
    auth,
    caller,
    async as(username: string) {
      const jar = new MemoryCookieJar();
      await (await caller(jar)).auth.login({ username, password: DEMO_PASSWORD });
      const logged = await caller(jar);
      // A tRPC caller is a proxy that treats every property as a procedure path, so the jar is
      // exposed through a wrapping proxy rather than assigned onto it.
      return new Proxy(logged, {
        get: (target, prop, receiver): unknown =>
          prop === 'jar' ? jar : (Reflect.get(target, prop, receiver) as unknown),
      }) as typeof logged & {
        jar: MemoryCookieJar;
      };
    },
    close: () => open.close(),
  };
}

/** Expects a call to fail with a tRPC code; returns the error for further checks. */
export async function expectCode(promise: Promise<unknown>, code: TRPCError['code']): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(code);
    return error as TRPCError;
  }
  throw new Error(`Expected ${code}, but the call succeeded`);
}
