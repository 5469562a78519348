// The FHIR R4 read API's cost per request on one size (issue 16 follow-up), as a script of its own beside
// `pnpm bench` (it is not part of it: the first request at 100 000 builds every resource of the trial):
//   node --import tsx bench/fhir.ts [participants=100000] [repeats=30]
// It calls the API's handler in process (as apps/server does for /fhir/R4, without HTTP) with a PI's token:
// the first request after a write (which builds the trial's resources), then search pages of Patient (first,
// middle, last), a per-patient Observation search, an _id search and a Patient/<id> read, each repeated;
// median and p95, the load average beside them.
import os from 'node:os';
import { findUserByUsername, openSqlite } from '@trialdesk/db';
import { handleFhir, issueApiToken, VersionedCache } from '@trialdesk/api';
import { BENCH_USER, demoDatabase, largeDatabase } from './lib/databases.js';
import { percentile, round } from './lib/stats.js';

const size = Number(process.argv[2] ?? 100_000);
const repeats = Number(process.argv[3] ?? 30);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
const open = openSqlite(target.file);
const db = open.db;
const user = (await findUserByUsername(db, BENCH_USER))!;
const actor = { userId: user.id, username: user.username, role: null, ip: null };
const { token } = await issueApiToken(db, user, { label: 'FHIR bench', expiresInDays: 1 }, new Date(), actor);
const deps = { db, clock: () => new Date(), cache: new VersionedCache() };
const get = async (path: string, query: Record<string, string> = {}) => {
  const answer = await handleFhir(deps, {
    method: 'GET',
    path,
    query,
    authorization: `Bearer ${token}`,
    ip: '127.0.0.1',
    baseUrl: 'http://localhost/fhir/R4',
    lang: 'en',
  });
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { total?: number; id?: string; entry?: { resource: { id: string } }[] };
};

const steps: Record<string, number[]> = {};
const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const out = await fn();
  (steps[name] ??= []).push(performance.now() - start);
  return out;
};

const study = target.trialId;
const first = await timed('first request (builds the trial)', () => get('/Patient', { study, _count: '50' }));
const total = first.total ?? 0;
const aPatient = first.entry?.[0]?.resource.id ?? '';
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
for (let i = 0; i < repeats; i += 1) {
  await timed('Patient?study&_count=50 (page 1)', () => get('/Patient', { study, _count: '50' }));
  await timed('Patient?study&_count=50 (middle page)', () =>
    get('/Patient', { study, _count: '50', _offset: String(Math.floor(total / 2)) }),
  );
  await timed('Patient?_count=500 (last page)', () =>
    get('/Patient', { _count: '500', _offset: String(Math.max(0, total - 500)) }),
  );
  await timed('Patient?_id=<id>', () => get('/Patient', { _id: aPatient }));
  await timed('Observation?patient=<id>', () => get('/Observation', { patient: `Patient/${aPatient}` }));
  await timed('Patient/<id> (read)', () => get(`/Patient/${aPatient}`));
}

console.log(
  `${size} participants (${total} Patients); ${repeats} repeats; load ${round(os.loadavg()[0]!, 1)}; rss after the first request ${rssMb} MB`,
);
for (const [name, xs] of Object.entries(steps))
  console.log(
    `${name.padEnd(40)} median ${String(round(percentile(xs, 50), 2)).padStart(9)} ms  p95 ${String(round(percentile(xs, 95), 2)).padStart(9)} ms  (n=${xs.length})`,
  );
console.log(`load at the end ${round(os.loadavg()[0]!, 1)}`);
await open.close();
