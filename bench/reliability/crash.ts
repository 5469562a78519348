// Crash check: the server takes concurrent inclusions and is killed with SIGKILL at random moments, again
// and again, then restarted. Afterwards every acknowledged inclusion is in the database, study IDs are
// unique and gap-free per centre, PRAGMA integrity_check is ok and the audit chain verifies.
// Bounded: ROUNDS kills, each after at most 1.5 s of writing; stops by itself.
import { rmSync } from 'node:fs';
import { openSqlite } from '@trialdesk/db';
import { startServer } from '../lib/server.js';
import { call, checkAcknowledgedInclusions, fail, freshDemoFile, inclusion } from './common.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 12);
const WRITERS = 8;
const PORT = 3911;

const { dir, file } = await freshDemoFile('crash');
const acknowledged = new Set<string>();
let attempts = 0;
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

for (let round = 1; round <= ROUNDS; round += 1) {
  const server = await startServer(file, PORT);
  const admin = await server.login('admin', 'trialdesk-demo');
  if (round === 1) {
    const raised = await call(
      server.url,
      'trials.setTarget',
      { trialId: 'artery-2', target: 100000, reason: 'Crash check: room for inclusions' },
      admin,
    );
    if (raised.status !== 200) fail(`could not raise the target: ${raised.status} ${raised.error?.message}`);
  }
  const cookies = [
    await server.login('coord-emc', 'trialdesk-demo'),
    await server.login('coord-avl', 'trialdesk-demo'),
  ];
  let killed = false;
  const writers = Array.from({ length: WRITERS }, async (_, w) => {
    const centre = w % 2 === 0 ? 'EMC' : 'AVL';
    while (!killed) {
      attempts += 1;
      try {
        const res = await call(
          server.url,
          'entry.inclusion.include',
          inclusion(attempts, centre),
          cookies[w % 2],
        );
        if (res.status === 200) acknowledged.add((res.data as { studyId: string }).studyId);
        else if (res.status >= 500) fail(`server answered ${res.status}: ${res.error?.message}`);
      } catch {
        // The connection died with the server: this write was never acknowledged.
      }
    }
  });
  await new Promise((r) => setTimeout(r, 200 + random() * 1300));
  server.process.kill('SIGKILL');
  killed = true;
  await Promise.all(writers);
  if (server.process.exitCode === null && server.process.signalCode === null)
    await new Promise((r) => server.process.once('exit', r));
  process.stdout.write(`round ${round}: ${acknowledged.size} acknowledged so far\n`);
}

const open = openSqlite(file);
const check = await checkAcknowledgedInclusions(open.db, acknowledged);
await open.close();

console.log(
  `crash check: ${ROUNDS} SIGKILLs, ${attempts} attempts, ${acknowledged.size} acknowledged, ${check.stored} ARTERY-2 participants stored`,
);
console.log(`  ${check.summary}`);
rmSync(dir, { recursive: true, force: true });
if (!check.ok) fail('the database lost or broke acknowledged writes');
if (acknowledged.size < ROUNDS) fail('too few writes were acknowledged to prove anything');
console.log('crash check passed');
