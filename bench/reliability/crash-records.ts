// Crash check for the other writes: the server is killed with SIGKILL while coordinators include, correct
// and void participants, the PI freezes data cuts, and a backup (its own process, as `pnpm cli backup` runs)
// copies the file. Afterwards every acknowledged correction, void and data cut is stored with its audit
// entry, every backup taken during a kill checks out, PRAGMA integrity_check is ok and the chain verifies.
// Bounded: ROUNDS kills, each after at most 3 s of writing; 127.0.0.1 only; stops by itself.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase, openSqlite, verifyAuditChain } from '@trialdesk/db';
import { dateInZone } from '@trialdesk/domain';
import { startServer } from '../lib/server.js';
import { call, fail, freshDemoFile, inclusion } from './common.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 8);
const PORT = 3912;

const { dir, file } = await freshDemoFile('crash-records');
const corrections = new Set<string>();
const voids = new Map<string, string>();
const cuts = new Set<string>();
const refusedCuts = new Set<string>();
const backups: { file: string; code: number | null }[] = [];
let n = 0;
let seed = 54321;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function backupProcess(target: string): Promise<number | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('apps/server/src/cli.ts'), 'backup', target],
    { env: { ...process.env, DATABASE_FILE: file }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

for (let round = 1; round <= ROUNDS; round += 1) {
  const server = await startServer(file, PORT);
  if (round === 1) {
    const admin = await server.login('admin', 'trialdesk-demo');
    const raised = await call(
      server.url,
      'trials.setTarget',
      { trialId: 'artery-2', target: 100000, reason: 'Crash check: room for inclusions' },
      admin,
    );
    if (raised.status !== 200) fail(`could not raise the target: ${raised.status} ${raised.error?.message}`);
  }
  const coordinators = [
    { cookie: await server.login('coord-emc', 'trialdesk-demo'), centre: 'EMC' },
    { cookie: await server.login('coord-avl', 'trialdesk-demo'), centre: 'AVL' },
  ];
  const pi = await server.login('pi', 'trialdesk-demo');
  let killed = false;
  const ok = (res: { status: number; error?: { message: string } }) => {
    if (res.status >= 500) fail(`server answered ${res.status}: ${res.error?.message}`);
    return res.status === 200;
  };
  // Each writer: include a participant, correct it, void it; every step only after the previous was acknowledged.
  const writers = Array.from({ length: 4 }, async (_, w) => {
    const { cookie, centre } = coordinators[w % 2]!;
    while (!killed) {
      try {
        const i = (n += 1);
        const included = await call(server.url, 'entry.inclusion.include', inclusion(i, centre), cookie);
        if (!ok(included)) continue;
        const studyId = (included.data as { studyId: string }).studyId;
        const correction = `crash-correction-${i}`;
        const target = { record: 'participant', studyId };
        const corrected = await call(
          server.url,
          'entry.corrections.correct',
          {
            trialId: 'artery-2',
            target: { ...target, changes: { sex: i % 2 ? 'male' : 'female' } },
            reason: correction,
          },
          cookie,
        );
        if (!ok(corrected)) continue;
        corrections.add(correction);
        const reason = `crash-void-${i}`;
        const voided = await call(
          server.url,
          'entry.corrections.void',
          { trialId: 'artery-2', target, reason },
          cookie,
        );
        if (ok(voided)) voids.set(reason, studyId);
      } catch {
        // The connection died with the server: this write was never acknowledged.
      }
    }
  });
  const cutter = (async () => {
    while (!killed) {
      try {
        const label = `crash-cut-${(n += 1)}`;
        const res = await call(
          server.url,
          'committee.dataCuts.create',
          { trialId: 'artery-2', label, asOf: dateInZone(new Date()) },
          pi,
        );
        if (ok(res)) cuts.add(label);
        else refusedCuts.add(`${res.status} ${res.error?.message ?? ''}`);
      } catch {
        // killed mid-request
      }
    }
  })();
  const backupFile = path.join(dir, `backup-${round}.sqlite`);
  const backup = backupProcess(backupFile);
  // Long enough for a data cut (it reads the whole trial) to be acknowledged in most rounds.
  await new Promise((r) => setTimeout(r, 1000 + random() * 2000));
  server.process.kill('SIGKILL');
  killed = true;
  await Promise.all([...writers, cutter]);
  backups.push({ file: backupFile, code: await backup });
  if (server.process.exitCode === null && server.process.signalCode === null)
    await new Promise((r) => server.process.once('exit', r));
  process.stdout.write(
    `round ${round}: ${corrections.size} corrections, ${voids.size} voids, ${cuts.size} cuts acknowledged\n`,
  );
}

const sqlite = new Database(file, { readonly: true });
const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
const reasons = (action: string) =>
  new Set(
    (sqlite.prepare('SELECT reason FROM audit_log WHERE action = ?').all(action) as { reason: string }[]).map(
      (r) => r.reason,
    ),
  );
const corrected = reasons('record.corrected');
const voidedAudit = reasons('record.voided');
const voidedRows = new Map(
  (
    sqlite
      .prepare(
        "SELECT study_id, void_reason FROM participants WHERE trial_id = 'artery-2' AND voided_at IS NOT NULL",
      )
      .all() as { study_id: string; void_reason: string }[]
  ).map((r) => [r.study_id, r.void_reason]),
);
const storedCuts = new Set(
  (sqlite.prepare('SELECT label FROM data_cuts').all() as { label: string }[]).map((r) => r.label),
);
sqlite.close();
const open = openSqlite(file);
const chain = await verifyAuditChain(open.db);
await open.close();

const lostCorrections = [...corrections].filter((r) => !corrected.has(r));
const lostVoids = [...voids].filter(([r, id]) => !voidedAudit.has(r) || voidedRows.get(id) !== r);
const lostCuts = [...cuts].filter((l) => !storedCuts.has(l));
const badBackups: string[] = [];
for (const b of backups) {
  if (b.code !== 0) badBackups.push(`${path.basename(b.file)}: exit ${b.code}`);
  else if (!(await checkDatabase(b.file)).ok) badBackups.push(`${path.basename(b.file)}: does not check out`);
}

console.log(
  `crash check (records): ${ROUNDS} SIGKILLs; acknowledged ${corrections.size} corrections, ${voids.size} voids, ${cuts.size} data cuts; ${backups.length} backups taken during the kills`,
);
console.log(
  `  lost corrections: ${lostCorrections.length}; lost voids: ${lostVoids.length}; lost data cuts: ${lostCuts.length}; bad backups: ${badBackups.length}; integrity: ${integrity}; audit chain: ${chain.ok ? `ok (${chain.rows} rows)` : 'BROKEN'}`,
);
rmSync(dir, { recursive: true, force: true });
if (badBackups.length) console.error(badBackups.join('\n'));
if (refusedCuts.size) console.error(`data cuts refused: ${[...refusedCuts].join('; ')}`);
if (
  lostCorrections.length ||
  lostVoids.length ||
  lostCuts.length ||
  badBackups.length ||
  integrity !== 'ok' ||
  !chain.ok
)
  fail('the database lost or broke acknowledged writes');
if (corrections.size < 1 || voids.size < 1 || cuts.size < 1)
  fail('too few corrections, voids or data cuts were acknowledged to prove anything');
console.log('crash check (records) passed');
