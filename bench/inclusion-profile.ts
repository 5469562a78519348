// One inclusion, statement by statement: how many SQL statements an inclusion through the router runs and
// how long SQLite spends in each (better-sqlite3's run/get/all timed around the call), against the
// inclusion's whole time. Not part of `pnpm bench`; the table in bench/RESULTS.md ("Writes") comes from it.
// `node --import tsx bench/inclusion-profile.ts [n]`
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import { DEMO_PASSWORD, openSqlite } from '@trialdesk/db';
import { dateInZone } from '@trialdesk/domain';
import { demoDatabase, WORK } from './lib/databases.js';
import { inclusionInput } from './lib/writes.js';

const n = Number(process.argv[2] ?? 300);
const file = path.join(WORK, 'inclusion-profile.sqlite');
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
copyFileSync((await demoDatabase()).file, file);
const open = openSqlite(file);

const stats = new Map<string, { calls: number; micros: number }>();
let tracing = false;
/** Wraps every statement the connection prepares from now on (the statement cache prepares each SQL once). */
function traceStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    const stmt = prepare(text);
    const key = text.replace(/\s+/g, ' ').slice(0, 110);
    for (const method of ['run', 'get', 'all'] as const) {
      const call = stmt[method].bind<(...args: unknown[]) => unknown>(stmt);
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          const started = performance.now();
          try {
            return call(...args);
          } finally {
            if (tracing) {
              const s = stats.get(key) ?? { calls: 0, micros: 0 };
              s.calls += 1;
              s.micros += (performance.now() - started) * 1000;
              stats.set(key, s);
            }
          }
        },
      });
    }
    return stmt;
  }) as typeof sqlite.prepare;
}
traceStatements(open.sqlite);

const values = new Map<string, string>();
const jar: CookieJar = {
  get: (k) => values.get(k),
  set: (k, v) => void values.set(k, v),
  clear: (k) => void values.delete(k),
};
const live = new LiveBus();
const cache = new VersionedCache();
const caller = async () =>
  createCaller(
    await createContext({ db: open.db, clock: () => new Date(), live, cache, cookies: jar, ip: '127.0.0.1' }),
  );
await (await caller()).auth.login({ username: 'admin', password: DEMO_PASSWORD });
await (
  await caller()
).trials.setTarget({ trialId: 'artery-2', target: 100_000, reason: 'Benchmark: room for inclusions' });
const today = dateInZone(new Date());
for (let i = 0; i < 50; i += 1) await (await caller()).entry.inclusion.include(inclusionInput(i, today));
tracing = true;
const window = [process.hrtime.bigint() / 1000n];
const started = performance.now();
for (let i = 0; i < n; i += 1) await (await caller()).entry.inclusion.include(inclusionInput(i, today));
const perInclusion = ((performance.now() - started) * 1000) / n;
window.push(process.hrtime.bigint() / 1000n);
tracing = false;
await open.close();

const rows = [...stats.entries()].sort((a, b) => b[1].micros - a[1].micros);
let statements = 0;
let sqlMicros = 0;
for (const [sql, s] of rows) {
  statements += s.calls;
  sqlMicros += s.micros;
  console.log(
    `${(s.calls / n).toFixed(2).padStart(5)} × ${(s.micros / n).toFixed(1).padStart(7)} µs  ${sql}`,
  );
}
console.log(
  `${(statements / n).toFixed(2)} statements per inclusion; in SQLite ${(sqlMicros / n).toFixed(0)} µs of ${perInclusion.toFixed(0)} µs per inclusion`,
);
// For bench/profile-costs.ts with a --cpu-prof of this run: the measured loop's window on the same clock.
console.log(`measured window (monotonic µs): ${n} ${window.join(' ')}`);
