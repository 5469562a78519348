// Locks refuse every clinical write as a class. The procedures that write clinical data are found from the
// router (permission clinical:write or clinical:correct, type mutation): each must have a case below, so a
// new one cannot escape the check. Every case is refused under a trial lock, a participant lock and (for a
// correction or void) a record lock, with a 409 naming the lock and nothing written; once unlocked, the
// very same call succeeds, so the refusal came from the lock and not from the input.
import type { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { arteryInclusion, stateFingerprint } from './entry-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

type Caller = Awaited<ReturnType<Harness['as']>>;
interface Case {
  user: string;
  /** The participant the write concerns (null: a screening or a new inclusion, only the trial lock holds). */
  studyId: string | null;
  /** The record a correction or void changes, for a record lock. */
  record?: (h: Harness) => Promise<{ recordType: 'cycle' | 'assessment' | 'event'; recordId: number }>;
  call: (c: Caller, h: Harness) => Promise<unknown>;
}

async function cycleOf(h: Harness, studyId: string, cycle: number) {
  const row = await h.row<{ id: number }>(
    `SELECT c.id FROM treatment_cycles c JOIN participants p ON p.id = c.participant_id
     WHERE p.study_id = ? AND c.cycle = ? AND c.voided_at IS NULL`,
    studyId,
    cycle,
  );
  return Number(row!.id);
}
async function eventOf(h: Harness, studyId: string, type: string) {
  const row = await h.row<{ id: number }>(
    `SELECT e.id FROM events e JOIN participants p ON p.id = e.participant_id
     WHERE p.study_id = ? AND e.type = ? AND e.voided_at IS NULL ORDER BY e.id`,
    studyId,
    type,
  );
  return Number(row!.id);
}

const trialId = 'artery-2';
const cases: Record<string, Case> = {
  'entry.screening.record': {
    user: 'coord-emc',
    studyId: null,
    call: (c) => c.entry.screening.record({ trialId, screeningDate: '2026-11-24', outcome: 'declined' }),
  },
  'entry.inclusion.include': {
    user: 'coord-emc',
    studyId: null,
    call: (c) => c.entry.inclusion.include(arteryInclusion()),
  },
  'entry.surgery.record': {
    user: 'coord-avl',
    studyId: 'ART2-AVL-014',
    call: (c) =>
      c.entry.surgery.record({
        trialId,
        studyId: 'ART2-AVL-014',
        surgeryDate: '2026-11-20',
        pump: { placed: true, date: '2026-11-20' },
      }),
  },
  'entry.cycles.record': {
    user: 'coord-emc',
    studyId: 'ART2-EMC-025',
    call: (c) =>
      c.entry.cycles.record({
        trialId,
        studyId: 'ART2-EMC-025',
        cycle: 1,
        cycleDate: '2026-11-25',
        doseMg: 45,
        flowRateMlDay: 1.5,
        modification: 'none',
      }),
  },
  'entry.assessments.record': {
    user: 'coord-emc',
    studyId: 'ART2-EMC-018',
    call: (c) =>
      c.entry.assessments.record({
        trialId,
        studyId: 'ART2-EMC-018',
        month: 9,
        result: { status: 'done', performedDate: '2026-11-20', cea: 2.4, imagingResult: 'no_recurrence' },
      }),
  },
  'entry.events.record': {
    user: 'coord-emc',
    studyId: 'ART2-EMC-020',
    call: (c) =>
      c.entry.events.record({
        trialId,
        studyId: 'ART2-EMC-020',
        event: { type: 'recurrence', date: '2026-11-10', site: 'hepatic' },
      }),
  },
  'entry.corrections.correct': {
    user: 'coord-emc',
    studyId: 'ART2-EMC-022',
    record: async (h) => ({ recordType: 'cycle', recordId: await cycleOf(h, 'ART2-EMC-022', 4) }),
    call: async (c, h) =>
      c.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id: await cycleOf(h, 'ART2-EMC-022', 4), changes: { doseMg: 40 } },
        reason: 'Dose copied from the wrong line',
      }),
  },
  'entry.corrections.void': {
    user: 'coord-emc',
    studyId: 'ART2-EMC-013',
    record: async (h) => ({
      recordType: 'event',
      recordId: await eventOf(h, 'ART2-EMC-013', 'complication'),
    }),
    call: async (c, h) =>
      c.entry.corrections.void({
        trialId,
        target: { record: 'event', id: await eventOf(h, 'ART2-EMC-013', 'complication') },
        reason: 'Entered for the wrong participant',
      }),
  },
};

interface ProcedureLike {
  _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription' };
}
const clinicalMutations = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
)
  .filter(
    ([, p]) =>
      p._def.type === 'mutation' &&
      ['clinical:write', 'clinical:correct'].includes(String(p._def.meta?.permission)),
  )
  .map(([path]) => path)
  .sort();

it('every clinical mutation of the router has a lock case', () => {
  expect(clinicalMutations.length).toBeGreaterThan(0);
  expect(Object.keys(cases).sort()).toEqual(clinicalMutations);
});

describe.each(Object.entries(cases))('%s under a lock', (_path, c) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('is refused with the lock named, writes nothing, and succeeds once unlocked', async () => {
    const admin = await h.as('admin');
    const writer = await h.as(c.user);
    const targets: { studyId?: string; recordType?: 'cycle' | 'assessment' | 'event'; recordId?: number }[] =
      [{}];
    if (c.studyId) targets.push({ studyId: c.studyId });
    if (c.studyId && c.record) targets.push({ studyId: c.studyId, ...(await c.record(h)) });
    for (const target of targets) {
      const reason = `Frozen for the interim analysis (${target.recordType ?? target.studyId ?? 'trial'})`;
      const { lockId } = await admin.locks.lock({ trialId, ...target, reason });
      const before = await stateFingerprint(h.open.db);
      const call = c.call(writer, h);
      void call.catch(() => undefined);
      const e = await expectCode(call, 'CONFLICT');
      expect((e as TRPCError & { key?: string }).key).toBe('lock.locked');
      expect(e.message).toContain(`lock ${lockId}`);
      expect(e.message).toContain(reason);
      expect(await stateFingerprint(h.open.db)).toBe(before);
      await admin.locks.unlock({ lockId, reason: 'Analysis done' });
    }
    await expect(c.call(writer, h)).resolves.toBeDefined();
    expect(await admin.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('lock and unlock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());
  afterEach(async () => {
    // Each test starts from no lock in force.
    const admin = await h.as('admin');
    for (const l of (await admin.locks.list({ trialId })).locks)
      await admin.locks.unlock({ lockId: l.id, reason: 'cleanup' });
  });

  it('audits both, keeps the history, and refuses a second lock or a second unlock', async () => {
    const admin = await h.as('admin');
    const { lockId } = await admin.locks.lock({ trialId, studyId: 'ART2-EMC-020', reason: 'Before the cut' });
    const again = await expectCode(
      admin.locks.lock({ trialId, studyId: 'ART2-EMC-020', reason: 'Twice' }),
      'CONFLICT',
    );
    expect(again.message).toContain(String(lockId));
    await admin.locks.unlock({ lockId, reason: 'Query answered after the cut' });
    await expectCode(admin.locks.unlock({ lockId, reason: 'Again' }), 'CONFLICT');
    const audit = await h.rows<{ action: string; reason: string; participant: string }>(
      "SELECT action, reason, participant FROM audit_log WHERE entity_type = 'data_lock' AND entity_id = ? ORDER BY seq",
      String(lockId),
    );
    expect(audit).toEqual([
      { action: 'lock.set', reason: 'Before the cut', participant: 'ART2-EMC-020' },
      { action: 'lock.lifted', reason: 'Query answered after the cut', participant: 'ART2-EMC-020' },
    ]);
    const history = await admin.locks.list({ trialId, studyId: 'ART2-EMC-020', includeLifted: true });
    expect(history.locks[0]).toMatchObject({
      id: lockId,
      scope: 'participant',
      targetLabel: 'ART2-EMC-020',
      unlockReason: 'Query answered after the cut',
      unlockedByName: 'Demo data manager',
    });
    expect((await admin.locks.list({ trialId, studyId: 'ART2-EMC-020' })).locks).toEqual([]);
    await expect(h.run('DELETE FROM data_locks')).rejects.toThrow(/never deleted/);
    expect(await admin.audit.verify()).toMatchObject({ ok: true });
  });

  it('shows a coordinator the trial lock and their own centre’s, never another centre’s', async () => {
    const admin = await h.as('admin');
    await admin.locks.lock({ trialId, reason: 'Database lock for the final analysis' });
    await admin.locks.lock({ trialId, studyId: 'ART2-AVL-014', reason: 'AVL review' });
    const { locks } = await (await h.as('coord-emc')).locks.list({ trialId });
    expect(locks.map((l) => l.scope)).toEqual(['trial']);
    await expectCode((await h.as('coord-emc')).locks.list({ trialId, studyId: 'ART2-AVL-014' }), 'FORBIDDEN');
  });

  it('refuses a record of another participant, a record lock without its participant, and a lock of an unknown id', async () => {
    const admin = await h.as('admin');
    const cycle = await cycleOf(h, 'ART2-EMC-022', 4);
    await expectCode(
      admin.locks.lock({
        trialId,
        studyId: 'ART2-EMC-020',
        recordType: 'cycle',
        recordId: cycle,
        reason: 'x',
      }),
      'BAD_REQUEST',
    );
    await expectCode(
      admin.locks.lock({ trialId, recordType: 'cycle', recordId: cycle, reason: 'x' }),
      'BAD_REQUEST',
    );
    await expectCode(admin.locks.unlock({ lockId: 999_999, reason: 'x' }), 'NOT_FOUND');
    await expectCode(admin.locks.lock({ trialId: 'no-such-trial', reason: 'x' }), 'NOT_FOUND');
  });

  it('words the refusal in Dutch', async () => {
    const admin = await h.as('admin');
    const { lockId } = await admin.locks.lock({ trialId, studyId: 'ART2-EMC-020', reason: 'Interim' });
    const { asDutch } = await import('./entry-helpers.js');
    const nl = await asDutch(h, 'coord-emc');
    const e = await expectCode(
      nl.entry.events.record({
        trialId,
        studyId: 'ART2-EMC-020',
        event: { type: 'recurrence', date: '2026-11-10', site: 'hepatic' },
      }),
      'CONFLICT',
    );
    expect(e.message).toContain(`Deelnemer ART2-EMC-020 is vergrendeld (vergrendeling ${lockId}`);
  });
});
