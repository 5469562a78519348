// Two instances on one PostgreSQL database (two pools, two live buses on the database's change channel,
// as two server processes have): concurrent inclusions through both get gap-free study IDs, the enrolment
// target holds across them, the chain verifies, and an inclusion accepted by one reaches a dashboard
// subscribed on the other, numbered by the audit sequence that every instance shares.
import {
  DEMO_PASSWORD,
  dataVersion,
  openDatabase,
  verifyAuditChain,
  type Db,
  type OpenDatabase,
} from '@trialdesk/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { LiveBus, type NumberedNotice } from '../src/live.js';
import { createCaller } from '../src/root.js';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, MemoryCookieJar, type Harness } from './harness.js';

interface Instance {
  open: OpenDatabase;
  live: LiveBus;
  as(username: string): Promise<ReturnType<typeof createCaller>>;
}

let h: Harness;
let a: Instance;
let b: Instance;

async function instance(open: OpenDatabase): Promise<Instance> {
  const live = await LiveBus.connect(open.db, open.channel);
  const clock = () => h.clock.now;
  return {
    open,
    live,
    async as(username) {
      const jar = new MemoryCookieJar();
      const make = async () => createCaller(await createContext({ db: open.db, clock, live, cookies: jar }));
      await (await make()).auth.login({ username, password: DEMO_PASSWORD });
      return make();
    },
  };
}

beforeAll(async () => {
  h = await createHarness();
  const url = (h.open as OpenDatabase & { url?: string }).url;
  if (!url) throw new Error('two-instances runs on the PostgreSQL pass only');
  a = await instance(h.open);
  b = await instance(await openDatabase({ engine: 'postgres', url }, { migrate: false, poolSize: 4 }));
});
afterAll(async () => {
  await a.live.close();
  await b.live.close();
  await b.open.close();
  await h.close();
});

const seqOf = (studyId: string) => Number(studyId.split('-').at(-1));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function lastSeq(db: Db, centre: string): Promise<number> {
  const row = await db
    .selectFrom('study_id_counters')
    .select('last_seq')
    .where('trial_id', '=', 'artery-2')
    .where('centre', '=', centre)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}

/**
 * The first notice of this kind on the stream. Notices of earlier writes may still be on their way (each is
 * sent after its commit), so the stream is read until the one the test caused.
 */
async function noticeOf(stream: AsyncGenerator<NumberedNotice>, kind: NumberedNotice['kind']) {
  for (;;) {
    const next: IteratorResult<NumberedNotice, unknown> = await stream.next();
    if (next.done) throw new Error(`the stream ended before a '${kind}' notice`);
    if (next.value.kind === kind) return next.value;
  }
}

async function included(db: Db): Promise<number> {
  const row = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('trial_id', '=', 'artery-2')
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('two instances on one PostgreSQL database', () => {
  it('give concurrent inclusions through both unique, gap-free study IDs, and the chain verifies', async () => {
    await (
      await a.as('admin')
    ).trials.setTarget({ trialId: 'artery-2', target: 900, reason: 'Two instances' });
    const callers = [
      await a.as('coord-emc'),
      await b.as('coord-emc'),
      await a.as('admin'),
      await b.as('admin'),
    ];
    const before = await lastSeq(a.open.db, 'EMC');
    const results = await Promise.all(
      range(1, 40).map((i) => callers[i % 4]!.entry.inclusion.include(arteryInclusion({ centre: 'EMC' }))),
    );
    expect(results.map((r) => seqOf(r.studyId)).sort((x, y) => x - y)).toEqual(
      range(before + 1, before + 40),
    );
    expect(new Set(results.map((r) => r.screeningNumber)).size).toBe(40);
    expect(await lastSeq(b.open.db, 'EMC')).toBe(before + 40);
    const chain = await verifyAuditChain(b.open.db);
    expect(chain.ok).toBe(true);
  });

  it('hold the enrolment target across both: exactly the places left are taken, the rest refused', async () => {
    const admin = await b.as('admin');
    const now = await included(a.open.db);
    await admin.trials.setTarget({ trialId: 'artery-2', target: now + 5, reason: 'Five places left' });
    const coordA = await a.as('coord-emc');
    const coordB = await b.as('coord-emc');
    const before = await lastSeq(a.open.db, 'EMC');
    const outcomes = await Promise.allSettled(
      range(1, 12).map((i) => (i % 2 ? coordA : coordB).entry.inclusion.include(arteryInclusion())),
    );
    const ok = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.studyId] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as TRPCError).code] : []));
    expect(ok).toHaveLength(5);
    expect(refused).toEqual(Array(7).fill('CONFLICT'));
    expect(ok.map(seqOf).sort((x, y) => x - y)).toEqual(range(before + 1, before + 5));
    expect(await included(b.open.db)).toBe(now + 5);
  });

  it("deliver an inclusion accepted by one to a dashboard on the other, with the trial's audit sequence as id", async () => {
    await (await a.as('admin')).trials.setTarget({ trialId: 'artery-2', target: 900, reason: 'More places' });
    const stop = new AbortController();
    const onB = await b.live.changes('artery-2', stop.signal);
    const coord = await a.as('coord-emc');
    const seen = noticeOf(onB, 'inclusion');
    const result = await coord.entry.inclusion.include(arteryInclusion({ centre: 'EMC' }));
    const notice = await seen;
    expect(notice).toMatchObject({ trialId: 'artery-2', kind: 'inclusion', centre: 'EMC' });
    // The id is the trial's audit head after the inclusion: what either instance reads from the database.
    expect(notice.id).toBe(await dataVersion(b.open.db, 'artery-2'));
    expect(result.studyId).toMatch(/^ART2-EMC-/);
    stop.abort();
    await onB.return(undefined);
  });

  it('tell a browser that reconnects to the other instance what it missed while it was away', async () => {
    const seen = await dataVersion(a.open.db, 'artery-2');
    await (await a.as('coord-emc')).entry.inclusion.include(arteryInclusion({ centre: 'EMC' }));
    const stop = new AbortController();
    const resumed = await b.live.changes('artery-2', stop.signal, {
      lastId: seen,
      at: h.clock.now.toISOString(),
    });
    const missed = await noticeOf(resumed, 'missed');
    expect(missed).toMatchObject({ trialId: 'artery-2', kind: 'missed' });
    expect(missed.id).toBe(await dataVersion(a.open.db, 'artery-2'));
    expect(missed.id).toBeGreaterThan(seen);
    stop.abort();
    await resumed.return(undefined);
    // Up to date: no catch-up notice; the next one is a real change.
    const current = await b.live.changes('artery-2', undefined, {
      lastId: missed.id,
      at: h.clock.now.toISOString(),
    });
    const coord = await b.as('coord-emc');
    await coord.entry.screening.record({
      trialId: 'artery-2',
      screeningDate: '2026-11-24',
      outcome: 'declined',
    });
    // Up to date: what arrives is changes (the inclusion's notice may still be on its way), never a catch-up.
    const kinds: string[] = [];
    let notice: NumberedNotice;
    do {
      notice = (await current.next()).value as NumberedNotice;
      kinds.push(notice.kind);
    } while (notice.kind !== 'screening');
    expect(kinds).not.toContain('missed');
    expect(notice.id).toBeGreaterThan(missed.id);
    await current.return(undefined);
  });
});
