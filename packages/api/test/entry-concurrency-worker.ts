// A second process for the concurrency test: opens its own connection to the database file, logs in,
// waits for "go <instant>" on stdin, then runs its share of simultaneous inclusions and prints the outcomes.
import { DEMO_PASSWORD, openSqlite } from '@trialdesk/db';
import { createInterface } from 'node:readline';
import { createContext } from '../src/context.js';
import { LiveBus } from '../src/live.js';
import { createCaller } from '../src/root.js';
import { arteryInclusion } from './entry-helpers.js';
import { MemoryCookieJar } from './harness.js';

const [file, countText] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: entry-concurrency-worker <file> <count>');
const open = openSqlite(file);
const clock = () => new Date('2026-11-26T10:00:00.000Z');
const live = new LiveBus();
const jar = new MemoryCookieJar();
const caller = async () => createCaller(await createContext({ db: open.db, clock, live, cookies: jar }));
await (await caller()).auth.login({ username: 'coord-emc', password: DEMO_PASSWORD });
const c = await caller();
process.stdout.write('ready\n');
// "go <instant>": both processes start at the same agreed instant, so their inclusions overlap.
let startAt = Date.now();
const lines = createInterface({ input: process.stdin });
for await (const line of lines)
  if (line.startsWith('go ')) {
    startAt = Number(line.slice(3));
    break;
  }
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
// Reported before the first request: writes to a pipe are synchronous, so the parent reads it even while
// this process then waits for the database's write lock.
process.stdout.write(`started ${Date.now()}\n`);
const results = await Promise.all(
  Array.from({ length: Number(countText) }, () =>
    c.entry.inclusion.include(arteryInclusion()).then(
      (r) => ({ ok: true as const, studyId: r.studyId }),
      (e: unknown) => ({ ok: false as const, error: String(e) }),
    ),
  ),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
await open.close();
process.exit(0);
