// Who may see what: the role × procedure walk against the permission table, and centre scope.
import { can, roles, type Permission } from '@trialdesk/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const usernameOf = {
  admin: 'admin',
  pi: 'pi',
  coordinator: 'coord-emc',
  steering: 'steering',
  monitor: 'monitor',
} as const;

interface ProcedureLike {
  _def: {
    meta?: Meta;
    type: 'query' | 'mutation' | 'subscription';
    inputs: { safeParse(value: unknown): { success: boolean } }[];
  };
}
const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
);

const PROBE = { __probe: true };

/**
 * What an allowed role gets for the probe: refused as bad input when the procedure's input schema refuses
 * it (most do: a required trial id is missing), otherwise an answer. Never FORBIDDEN, never a server error.
 */
function expectedForAllowed(proc: ProcedureLike, probe: object = PROBE): 'ok' | 'BAD_REQUEST' {
  return proc._def.inputs.every((parser) => parser.safeParse(probe).success) ? 'ok' : 'BAD_REQUEST';
}

/** Calls a procedure by its dotted path with a deliberately invalid input. */
async function callProbe(caller: unknown, path: string, probe: object = PROBE): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  const result = await fn(probe);
  // A subscription that starts must not leak: close it.
  if (result && typeof (result as AsyncIterator<unknown>).return === 'function')
    await (result as AsyncIterator<unknown>).return?.();
  return result;
}

describe('every procedure declares its permission', () => {
  it.each(procedures)('%s', (_path, proc) => {
    expect(proc._def.meta?.permission).toBeDefined();
  });
  it('only login is public', () => {
    expect(procedures.filter(([, p]) => p._def.meta?.permission === 'public').map(([path]) => path)).toEqual([
      'auth.login',
    ]);
  });
});

describe('role × procedure against the permission table', () => {
  const guarded = procedures.filter(
    ([, p]) => p._def.meta && !['public', 'authenticated'].includes(p._def.meta.permission),
  );
  it.each(guarded)('%s refuses without a session', async (path) => {
    await expectCode(callProbe(await h.caller(), path), 'UNAUTHORIZED');
  });
  // One login per role for the whole walk, not one per procedure.
  const callers = new Map<string, Awaited<ReturnType<Harness['as']>>>();
  const callerOf = async (role: (typeof roles)[number]) => {
    const existing = callers.get(role);
    if (existing) return existing;
    const caller = await h.as(usernameOf[role]);
    callers.set(role, caller);
    return caller;
  };
  for (const role of roles) {
    it.each(guarded)(`%s as ${role}`, async (path, proc) => {
      const allowed = can(role, proc._def.meta!.permission as Permission);
      const outcome = await callProbe(await callerOf(role), path).then(
        () => 'ok',
        (e: unknown) => (e instanceof TRPCError ? e.code : 'other'),
      );
      expect(outcome).toBe(allowed ? expectedForAllowed(proc) : 'FORBIDDEN');
    });
  }
});

describe('role × procedure in two trials: one person, a role per trial (memberships)', () => {
  const guarded = procedures.filter(
    ([, p]) => p._def.meta && !['public', 'authenticated'].includes(p._def.meta.permission),
  );
  // The demo's pi-steering is PI of ARTERY-2 and on the steering committee of PUMP-III: the same account
  // must get, in each trial, exactly what the permission table gives that trial's role.
  const perTrial = [
    ['artery-2', 'pi'],
    ['pump-iii', 'steering'],
  ] as const;
  let person: Awaited<ReturnType<Harness['as']>> | undefined;
  const personCaller = async () => (person ??= await h.as('pi-steering'));
  for (const [trialId, role] of perTrial) {
    it.each(guarded)(`%s in ${trialId} as its ${role}`, async (path, proc) => {
      const probe = { ...PROBE, trialId };
      const allowed = can(role, proc._def.meta!.permission as Permission);
      const outcome = await callProbe(await personCaller(), path, probe).then(
        () => 'ok',
        (e: unknown) => (e instanceof TRPCError ? e.code : 'other'),
      );
      expect(outcome).toBe(allowed ? expectedForAllowed(proc, probe) : 'FORBIDDEN');
    });
  }
});

describe('centre scope', () => {
  it('gives a coordinator only their own centre', async () => {
    const emc = await h.as('coord-emc');
    const list = await emc.participants.list({ trialId: 'pump-iii' });
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
    const matrix = await emc.followUp.matrix({ trialId: 'pump-iii' });
    expect(new Set(matrix.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
  });

  it("refuses another centre's list", async () => {
    const emc = await h.as('coord-emc');
    await expectCode(emc.participants.list({ trialId: 'pump-iii', centre: 'AVL' }), 'FORBIDDEN');
    await expectCode(emc.followUp.matrix({ trialId: 'pump-iii', centre: 'IJS' }), 'FORBIDDEN');
  });

  it("answers another centre's participant exactly as one that does not exist", async () => {
    const emc = await h.as('coord-emc');
    const other = await emc.participants
      .get({ trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' })
      .catch((e: TRPCError) => e);
    const missing = await emc.participants
      .get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-999' })
      .catch((e: TRPCError) => e);
    expect(other).toBeInstanceOf(TRPCError);
    expect(missing).toBeInstanceOf(TRPCError);
    expect((other as TRPCError).code).toBe('FORBIDDEN');
    expect((other as TRPCError).code).toBe((missing as TRPCError).code);
    expect((other as TRPCError).message).toBe((missing as TRPCError).message);
  });

  it('lets the PI and the monitor read every centre, and the steering committee no participant', async () => {
    for (const u of ['pi', 'monitor']) {
      const c = await h.as(u);
      const list = await c.participants.list({ trialId: 'pump-iii', pageSize: 200 });
      expect(list.total).toBe(45);
      const p = await c.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' });
      expect(p.participant.studyId).toBe('PUMP3-AVL-001');
    }
    const steering = await h.as('steering');
    await expectCode(
      steering.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' }),
      'FORBIDDEN',
    );
  });
});

describe('participant page', () => {
  it('returns only declared fields and a complete timeline', async () => {
    const emc = await h.as('coord-emc');
    const p = await emc.participants.get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-001' });
    expect(Object.keys(p.participant).sort()).toEqual(
      [
        'ageAtInclusion',
        'centre',
        'centreName',
        'consentDate',
        'followUp',
        'followUpEnd',
        'inclusionDate',
        'offStudy',
        'pumpDate',
        'pumpNotPlacedReason',
        'sex',
        'studyId',
        'surgeryDate',
        'synthetic',
        'timeZero',
        'voided',
      ].sort(),
    );
    expect(p.participant.synthetic).toBe(true);
    expect(p.slots).toHaveLength(14);
    expect(p.slots.map((s) => s.month)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60]);
  });
});
