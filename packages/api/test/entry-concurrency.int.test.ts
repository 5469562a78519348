// Study IDs under concurrency: many inclusions at once at one centre get unique, gap-free IDs, also when
// some are refused inside the transaction (their numbers are given back), and also from two database
// connections to one file (two processes, as with the server and a command-line tool). Two connections
// inside one process cannot be tested this way: better-sqlite3 waits for a lock synchronously, so the
// waiting connection would block the event loop that the lock holder needs to finish.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_PASSWORD,
  openSqlite,
  seedDemo,
  TEST_ONLY_PASSWORD_COST,
  verifyAuditChain,
  writeTransaction,
  type Db,
} from '@trialdesk/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { LiveBus } from '../src/live.js';
import { createCaller } from '../src/root.js';
import { arteryInclusion } from './entry-helpers.js';
import { AS_OF, createHarness, MemoryCookieJar } from './harness.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const seqOf = (studyId: string) => Number(studyId.split('-').at(-1));

async function emcSequence(db: Db) {
  const rows = await db
    .selectFrom('participants')
    .select('seq')
    .where('trial_id', '=', 'artery-2')
    .where('centre', '=', 'EMC')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.seq);
}

describe('study IDs under concurrency', () => {
  // A whole seeded database and 48 writes: slow on a busy machine, never decided by time.
  it(
    'gives 48 simultaneous inclusions by four callers unique, gap-free IDs',
    { timeout: 120_000 },
    async () => {
      const h = await createHarness();
      await (
        await h.as('admin')
      ).trials.setTarget({ trialId: 'artery-2', target: 500, reason: 'Concurrency test' });
      const callers = await Promise.all([
        h.as('coord-emc'),
        h.as('coord-emc'),
        h.as('coord-emc'),
        h.as('admin'),
      ]);
      const before = (await emcSequence(h.open.db)).length;
      const started = performance.now();
      const results = await Promise.all(
        range(1, 48).map((i) => callers[i % 4]!.entry.inclusion.include(arteryInclusion({ centre: 'EMC' }))),
      );
      const ms = performance.now() - started;
      console.info(`48 concurrent inclusions in ${ms.toFixed(0)} ms (${(ms / 48).toFixed(1)} ms each)`);
      // After the ones there were (the demo's ART2-EMC-001…026), each new number once, none skipped.
      expect(results.map((r) => seqOf(r.studyId)).sort((a, b) => a - b)).toEqual(
        range(before + 1, before + 48),
      );
      expect(new Set(results.map((r) => r.screeningNumber)).size).toBe(48);
      expect(await emcSequence(h.open.db)).toEqual(range(1, before + 48));
      expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
      await h.close();
    },
  );

  it(
    'gives back the numbers of inclusions refused inside the transaction (target reached)',
    { timeout: 120_000 },
    async () => {
      const h = await createHarness();
      const admin = await h.as('admin');
      const included = (await (await h.as('pi')).overview.get({ trialId: 'artery-2' })).inclusion.included;
      await admin.trials.setTarget({ trialId: 'artery-2', target: included + 10, reason: 'Ten more places' });
      const coord = await h.as('coord-emc');
      const before = (await emcSequence(h.open.db)).length;
      const outcomes = await Promise.allSettled(
        range(1, 20).map(() => coord.entry.inclusion.include(arteryInclusion())),
      );
      const ok = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.studyId] : []));
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as TRPCError] : []));
      expect(ok).toHaveLength(10);
      expect(refused.map((e) => e.code)).toEqual(Array(10).fill('CONFLICT'));
      expect(ok.map(seqOf).sort((a, b) => a - b)).toEqual(range(before + 1, before + 10));
      const counter = await h.open.db
        .selectFrom('study_id_counters')
        .select('last_seq')
        .where('trial_id', '=', 'artery-2')
        .where('centre', '=', 'EMC')
        .executeTakeFirstOrThrow();
      expect(counter.last_seq).toBe(before + 10);
      await h.close();
    },
  );

  describe('two connections to one database file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialdesk-entry-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps study IDs unique and gap-free and the audit chain intact', async () => {
      const file = join(dir, 'concurrency.sqlite');
      const a = openSqlite(file);
      const now = new Date(`${AS_OF}T10:00:00.000Z`);
      await seedDemo(a.db, { asOf: AS_OF, now: now.toISOString(), passwordCost: TEST_ONLY_PASSWORD_COST });
      const live = new LiveBus();
      const jar = new MemoryCookieJar();
      const make = async () =>
        createCaller(await createContext({ db: a.db, clock: () => now, live, cookies: jar }));
      await (await make()).auth.login({ username: 'admin', password: DEMO_PASSWORD });
      const adminA = await make();
      await adminA.trials.setTarget({ trialId: 'artery-2', target: 500, reason: 'Concurrency test' });

      const worker = fileURLToPath(new URL('./entry-concurrency-worker.ts', import.meta.url));
      // Connection A holds the write lock while B's inclusions are sent and A's own are queued, so that
      // both sides are certainly waiting for the lock at the same moment when it is released.
      const child = spawn(process.execPath, ['--import', 'tsx', worker, file, '30'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let out = '';
      const seen = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => (out.includes(text) ? resolve() : undefined);
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            check();
          });
          check();
        });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await seen('ready\n');
      let release = () => {};
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = writeTransaction(a.db, async () => {
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await lockTaken;
      child.stdin.write(`go ${Date.now()}\n`);
      await seen('started ');
      const mineP = Promise.all(
        range(1, 30).map(() =>
          adminA.entry.inclusion.include(arteryInclusion({ centre: 'EMC' })).then((r) => seqOf(r.studyId)),
        ),
      );
      await new Promise((r) => setTimeout(r, 200));
      const releasedAt = Date.now();
      release();
      await holder;
      const mine = await mineP;
      expect(await exited).toBe(0);
      const lines = out.split('\n').filter(Boolean);
      const childStarted = Number(lines.find((l) => l.startsWith('started '))?.slice(8));
      const theirs = JSON.parse(lines.at(-1) ?? '[]') as { ok: boolean; studyId?: string; error?: string }[];
      expect(theirs.filter((r) => !r.ok)).toEqual([]);
      // B's requests were already waiting when A let go of the lock.
      expect(childStarted).toBeLessThanOrEqual(releasedAt);
      const theirSeqs = theirs.map((r) => seqOf(r.studyId ?? ''));
      const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
      console.info(`connection A got ${sorted(mine).join(',')}; B got ${sorted(theirSeqs).join(',')}`);
      expect(sorted([...mine, ...theirSeqs])).toEqual(range(27, 86));
      expect(await emcSequence(a.db)).toEqual(range(1, 86));
      expect((await verifyAuditChain(a.db)).ok).toBe(true);
      await a.close();
    }, 60_000);
  });
});
