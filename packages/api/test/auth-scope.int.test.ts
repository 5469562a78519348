// Cross-centre access by ID: a coordinator asking for another centre's participant, list or matrix gets
// exactly the answer given for something that does not exist, so the answer leaks nothing.
import { centreScopedPermissions, type Permission } from '@trialdesk/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { createHarness, type Harness } from './harness.js';
import { signIn } from './auth-helpers.js';

let h: Harness;
let emc: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  h = await createHarness();
  emc = await signIn(h, 'coord-emc');
});
afterAll(() => h.close());

/** Everything a client could learn from an error. */
async function answer(call: Promise<unknown>) {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return {
      ok: false,
      code: error.code,
      message: error.message,
      key: error instanceof AppError ? error.key : null,
      params: error instanceof AppError ? (error.params ?? null) : null,
      fields: error instanceof AppError ? (error.fields ?? null) : null,
    };
  }
}

describe('a coordinator and another centre', () => {
  it("participants.get: another centre's participant = a participant that does not exist", async () => {
    const other = await answer(emc.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' }));
    const missing = await answer(emc.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-999' }));
    const nowhere = await answer(emc.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-XYZ-001' }));
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN', key: 'participant.not_available' });
    expect(missing).toEqual(other);
    expect(nowhere).toEqual(other);
    // The message names nothing: not the ID asked for, not the centre it belongs to.
    expect(JSON.stringify(other)).not.toMatch(/AVL|PUMP3-AVL-001|Antoni/);
  });

  it('participants.get: their own participant works', async () => {
    const own = await emc.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-001' });
    expect(own.participant.centre).toBe('EMC');
  });

  it('participants.list: another centre = a centre that does not exist; a search finds nothing outside', async () => {
    const other = await answer(emc.participants.list({ trialId: 'pump-iii', centre: 'AVL' }));
    const missing = await answer(emc.participants.list({ trialId: 'pump-iii', centre: 'ZZZ' }));
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(missing).toEqual(other);
    const searchOther = await emc.participants.list({ trialId: 'pump-iii', search: 'PUMP3-AVL-001' });
    const searchMissing = await emc.participants.list({ trialId: 'pump-iii', search: 'PUMP3-EMC-999' });
    expect(searchOther).toEqual({ total: 0, rows: [] });
    expect(searchMissing).toEqual(searchOther);
  });

  it('followUp.matrix: another centre = a centre that does not exist', async () => {
    const other = await answer(emc.followUp.matrix({ trialId: 'pump-iii', centre: 'IJS' }));
    const missing = await answer(emc.followUp.matrix({ trialId: 'pump-iii', centre: 'ZZZ' }));
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(missing).toEqual(other);
    const own = await emc.followUp.matrix({ trialId: 'pump-iii', pageSize: 200 });
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.centre === 'EMC')).toBe(true);
  });

  it("a write to another centre's participant = a write to one that does not exist, and nothing is written", async () => {
    const write = (studyId: string) =>
      answer(
        emc.entry.surgery.record({
          trialId: 'pump-iii',
          studyId,
          surgeryDate: '2021-03-10',
          pump: { placed: true, date: '2021-03-10' },
        }),
      );
    const count = () =>
      h.open.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    const before = await count();
    const other = await write('PUMP3-AVL-001');
    const missing = await write('PUMP3-EMC-999');
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN', key: 'participant.not_available' });
    expect(missing).toEqual(other);
    expect(await count()).toEqual(before);
  });

  it('the PI, who sees all centres, is told plainly that a participant does not exist', async () => {
    const pi = await signIn(h, 'pi');
    const missing = await answer(pi.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-999' }));
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('every centre-scoped procedure that takes a study ID', () => {
  type Proc = { _def: { meta?: Meta; type: string; inputs: unknown[] } };
  const procedures = Object.entries(
    (appRouter._def as unknown as { procedures: Record<string, Proc> }).procedures,
  ).filter(([, p]) => {
    const permission = p._def.meta?.permission as Permission | undefined;
    const shape = (p._def.inputs[0] as { shape?: Record<string, unknown> } | undefined)?.shape;
    return (
      permission !== undefined &&
      centreScopedPermissions.has(permission) &&
      p._def.type !== 'subscription' &&
      shape !== undefined &&
      'studyId' in shape
    );
  });

  it('includes at least participants.get', () => {
    expect(procedures.map(([path]) => path)).toContain('participants.get');
  });

  it.each(procedures)("%s answers another centre's ID like a missing one", async (path) => {
    const call = (studyId: string) => {
      const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], emc) as (
        i: unknown,
      ) => Promise<unknown>;
      return answer(fn({ trialId: 'pump-iii', studyId }));
    };
    const other = await call('PUMP3-AVL-001');
    const missing = await call('PUMP3-EMC-999');
    expect(other.ok).toBe(false);
    expect(missing).toEqual(other);
  });
});
