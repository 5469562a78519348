// Crash check on PostgreSQL: two server instances on one database (started together: they migrate and seed
// the demo once) take concurrent inclusions; one instance at a time is killed with SIGKILL at a random
// moment and restarted, and every third round PostgreSQL itself is stopped with an immediate shutdown and
// restarted while the writes go on. Afterwards every acknowledged inclusion is in the database, study IDs
// are unique and gap-free per centre, every inclusion has its audit row and the audit chain verifies.
// Runs on a durable throwaway cluster of its own (fsync on). Bounded: ROUNDS rounds of at most ~2 s each.
import { execFileSync } from 'node:child_process';
import { openDatabase } from '@trialdesk/db';
import { queryRows } from '@trialdesk/db/testing';
import { freshDatabase, startBenchCluster } from '../lib/postgres-cluster.js';
import { startServer, type RunningServer } from '../lib/server.js';
import { atFailure, call, checkAcknowledgedInclusions, fail, inclusion } from './common.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 9);
const WRITERS = 8;
const PORTS = [3913, 3914];

const cluster = startBenchCluster();
if (!cluster?.dir) {
  console.log(
    'crash check on PostgreSQL: not run (PostgreSQL is not installed here; CI installs it). On SQLite it ran above.',
  );
  process.exit(0);
}
const clusterDir = cluster.dir;
let servers: RunningServer[] = [];
// fail() exits at once, past the finally below: it kills the instances and stops the cluster first.
atFailure(() => {
  for (const s of servers) s.process.kill('SIGKILL');
  cluster.stop();
});
try {
  const url = await freshDatabase(cluster.url, 'trialdesk_crash');
  const env = { DATABASE_URL: url, DEMO: 'true', DATABASE_POOL_SIZE: '6' };
  const start = (i: number) => startServer('unused.sqlite', PORTS[i]!, env);
  servers = await Promise.all([start(0), start(1)]);
  const admin = await servers[0]!.login('admin', 'trialdesk-demo');
  const raised = await call(
    servers[1]!.url,
    'trials.setTarget',
    { trialId: 'artery-2', target: 100000, reason: 'Crash check: room for inclusions' },
    admin,
  );
  if (raised.status !== 200) fail(`could not raise the target: ${raised.status} ${raised.error?.message}`);

  const acknowledged = new Set<string>();
  let attempts = 0;
  let refusedWhileDown = 0;
  let seed = 4242;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  for (let round = 1; round <= ROUNDS; round += 1) {
    const postgresRound = round % 3 === 0;
    // Sessions live in the database: a login on one instance is good on the other.
    const cookies = [
      await servers[0]!.login('coord-emc', 'trialdesk-demo'),
      await servers[1]!.login('coord-avl', 'trialdesk-demo'),
    ];
    let stopped = false;
    let databaseDown = false;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      const centre = w % 2 === 0 ? 'EMC' : 'AVL';
      while (!stopped) {
        attempts += 1;
        try {
          const res = await call(
            servers[w % 2]!.url,
            'entry.inclusion.include',
            inclusion(attempts, centre),
            cookies[w % 2],
          );
          if (res.status === 200) acknowledged.add((res.data as { studyId: string }).studyId);
          else if (res.status >= 500 && databaseDown) refusedWhileDown += 1;
          else if (res.status >= 500) fail(`server answered ${res.status}: ${res.error?.message}`);
        } catch {
          // The connection died with the instance: this write was never acknowledged.
        }
      }
    });
    await new Promise((r) => setTimeout(r, 200 + random() * 1300));
    const victim = round % 2;
    if (postgresRound) {
      databaseDown = true;
      execFileSync('.ci/postgres', ['crash-restart', clusterDir]);
    } else servers[victim]!.process.kill('SIGKILL');
    stopped = true;
    await Promise.all(writers);
    if (postgresRound) {
      // Both instances come back to the restarted server by themselves (their pools reconnect).
      for (const s of servers) {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const res = await call(s.url, 'auth.login', {
            username: 'admin',
            password: 'trialdesk-demo',
          }).catch(() => fail(`${s.url} is gone: the instance did not survive PostgreSQL's restart`));
          if (res.status === 200) break;
          if (Date.now() > deadline) fail(`${s.url} did not recover after PostgreSQL restarted`);
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      databaseDown = false;
    } else {
      const dead = servers[victim]!;
      if (dead.process.exitCode === null && dead.process.signalCode === null)
        await new Promise((r) => dead.process.once('exit', r));
      servers[victim] = await start(victim);
    }
    process.stdout.write(
      `round ${round}: ${postgresRound ? 'PostgreSQL immediate shutdown and restart' : `instance ${victim + 1} killed`}; ${acknowledged.size} acknowledged so far\n`,
    );
  }
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];

  const open = await openDatabase({ engine: 'postgres', url }, { migrate: false });
  const check = await checkAcknowledgedInclusions(open.db, acknowledged);
  // The demo seed writes one demo.seeded row per trial: seeded once is one row per trial, not two.
  const seeded = await queryRows<{ n: number; trials: number }>(
    open.db,
    "SELECT count(*) AS n, count(DISTINCT trial_id) AS trials FROM audit_log WHERE action = 'demo.seeded'",
  );
  await open.close();

  const seededOnce = Number(seeded[0]?.trials ?? 0) > 0 && Number(seeded[0]?.n) === Number(seeded[0]?.trials);
  console.log(
    `crash check on PostgreSQL: ${ROUNDS} rounds (${Math.floor(ROUNDS / 3)} immediate shutdowns of PostgreSQL), ${attempts} attempts, ${acknowledged.size} acknowledged, ${refusedWhileDown} refused with 5xx while PostgreSQL was down, ${check.stored} ARTERY-2 participants stored`,
  );
  console.log(
    `  ${check.summary}; demo.seeded rows ${seeded[0]?.n ?? 0} for ${seeded[0]?.trials ?? 0} trials (${seededOnce ? 'seeded once' : 'SEEDED MORE THAN ONCE'})`,
  );
  if (!check.ok || !seededOnce) fail('PostgreSQL lost or broke acknowledged writes');
  if (acknowledged.size < ROUNDS) fail('too few writes were acknowledged to prove anything');
  console.log('crash check on PostgreSQL passed');
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  cluster.stop();
}
