// Starts the real Express app on 127.0.0.1 with an ephemeral port, on a fresh database with the demo seed
// (SQLite in memory, or its own PostgreSQL database on the suite's PostgreSQL pass), for tests that speak
// HTTP with fetch.
import type { AddressInfo } from 'node:net';
import { defaultAuthSettings } from '@trialdesk/api';
import { DEMO_PASSWORD, TEST_ONLY_PASSWORD_COST, type OpenDatabase } from '@trialdesk/db';
import { asTableOwner, execute, openTestDatabase, queryRow } from '@trialdesk/db/testing';
import { createApp, type AppDeps } from '../src/app.js';

export const AS_OF = '2026-11-26';

export interface TestServer {
  url: string;
  open: OpenDatabase;
  /** Raw SQL with `?` placeholders on the server's database (either engine). */
  row<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  run(text: string, ...params: unknown[]): Promise<number>;
  /** A schema change (renaming a table): on PostgreSQL as the tables' owner, not the application's role. */
  runAsOwner(text: string): Promise<number>;
  clock: { now: Date };
  close(): Promise<void>;
  /** A POST to a tRPC procedure, as the web app sends it (same origin, JSON). */
  post(procedure: string, input: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A GET of a tRPC query. */
  query(procedure: string, input: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Logs in and returns the Cookie header value to send back. */
  login(username: string, password?: string): Promise<string>;
}

export async function startServer(
  deps: Partial<Omit<AppDeps, 'db' | 'clock'>> & { seed?: boolean } = {},
): Promise<TestServer> {
  const clock = { now: new Date(`${AS_OF}T10:00:00.000Z`) };
  const open = await openTestDatabase({
    // Demo accounts hashed at the test-only cost: logins take milliseconds (production cost: password-cost test).
    seed:
      deps.seed === false
        ? false
        : { asOf: AS_OF, now: clock.now.toISOString(), passwordCost: TEST_ONLY_PASSWORD_COST },
  });
  const { app } = createApp({
    auth: defaultAuthSettings,
    cookieSecure: 'auto',
    webDist: null,
    ...deps,
    db: open.db,
    clock: () => clock.now,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...headers },
      body: JSON.stringify(input),
    });
  const query = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  return {
    url,
    open,
    row: (text, ...params) => queryRow(open.db, text, ...params),
    run: (text, ...params) => execute(open.db, text, ...params),
    runAsOwner: (text) => asTableOwner(open.db, (owner) => execute(owner, text)),
    clock,
    post,
    query,
    async login(username, password = DEMO_PASSWORD) {
      const res = await post('auth.login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie()[0] ?? '';
      return cookie.split(';')[0] ?? '';
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await open.close();
    },
  };
}

export interface ErrorBody {
  error?: { message: string; code: number; data: { code: string; httpStatus: number; key: string | null } };
}
