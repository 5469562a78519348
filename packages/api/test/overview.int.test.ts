import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('overview', () => {
  it('shows PUMP-III complete at 45 / 45 (100%) and in follow-up', async () => {
    const pi = await h.as('pi');
    const o = await pi.overview.get({ trialId: 'pump-iii' });
    expect(o.inclusion).toEqual({ included: 45, target: 45, percent: 100, remaining: 0 });
    expect(o.trial.status).toBe('follow_up');
    expect(o.trial.synthetic).toBe(true);
    expect(o.projection).toBeNull();
  });

  it('lists the three centres with their inclusions adding up to the total', async () => {
    const o = await (await h.as('steering')).overview.get({ trialId: 'pump-iii' });
    expect(o.centres.map((c) => c.name)).toEqual([
      'Erasmus MC',
      'IJsselland Ziekenhuis',
      'Antoni van Leeuwenhoek',
    ]);
    expect(o.centres.reduce((s, c) => s + c.included, 0)).toBe(45);
    expect(o.centres.reduce((s, c) => s + c.shareOfTotal, 0)).toBeCloseTo(1, 10);
    for (const c of o.centres) {
      expect(c.firstInclusion! <= c.lastInclusion!).toBe(true);
      expect(c.shareOfTarget).toBeCloseTo(c.included / c.target, 10);
    }
  });

  it('draws cumulative accrual from February 2021 to January 2023 against the planned line', async () => {
    const o = await (await h.as('pi')).overview.get({ trialId: 'pump-iii' });
    expect(o.accrual[0]?.month).toBe('2021-02');
    expect(o.accrual.at(-1)).toMatchObject({ month: '2023-01', total: 45, planned: 45 });
    for (let i = 1; i < o.accrual.length; i += 1)
      expect(o.accrual[i]!.total!).toBeGreaterThanOrEqual(o.accrual[i - 1]!.total!);
  });

  it('puts every participant in exactly one follow-up bucket and counts assessments per centre', async () => {
    const o = await (await h.as('pi')).overview.get({ trialId: 'pump-iii' });
    expect(Object.values(o.followUp.total).reduce((a, b) => a + b, 0)).toBe(45);
    for (const c of o.followUp.byCentre)
      expect(Object.values(c.buckets).reduce((a, b) => a + b, 0)).toBe(
        o.centres.find((x) => x.code === c.centre)!.included,
      );
    // 2026-11-26 is between 3 years 10 months (last inclusion) and 5 years 9 months (first) after surgery
    expect(
      Object.keys(o.followUp.total).every((k) =>
        ['year4', 'year5', 'completed', 'died', 'withdrawn', 'lost_to_follow_up'].includes(k),
      ),
    ).toBe(true);
    expect(o.assessments.total.done).toBeGreaterThan(300);
  });

  it('shows the five milestones, planned against actual', async () => {
    const o = await (await h.as('pi')).overview.get({ trialId: 'pump-iii' });
    expect(o.milestones.map((m) => m.key)).toEqual([
      'firstPatientIn',
      'lastPatientIn',
      'lastPatientLastVisit',
      'primaryAnalysis',
      'finalAnalysis',
    ]);
    expect(o.milestones[0]).toMatchObject({ planned: '2021-02-01', basis: 'actual' });
    expect(o.milestones[2]).toMatchObject({ planned: '2028-01-31', basis: 'projected', reached: false });
    // The primary analysis fell due in January 2025; nothing in the data says it was done.
    expect(o.milestones[3]).toMatchObject({ basis: 'due', reached: false });
    for (const m of o.milestones) expect(m.reached).toBe(m.basis === 'actual');
  });

  it('projects the recruiting trial', async () => {
    const o = await (await h.as('pi')).overview.get({ trialId: 'artery-2' });
    expect(o.trial.status).toBe('recruiting');
    expect(o.inclusion.included).toBeLessThan(60);
    expect(o.projection?.expectedDate).not.toBeNull();
    expect(o.projection?.requiredRatePerMonth).toBeGreaterThan(0);
  });

  it('refuses without a session, and says which input is wrong', async () => {
    await expectCode((await h.caller()).overview.get({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
    const pi = await h.as('pi');
    const bad = await expectCode(pi.overview.get({ trialId: 'PUMP III' }), 'BAD_REQUEST');
    expect(bad.message).toBeTruthy();
    await expectCode(pi.overview.get({ trialId: 'no-such-trial' }), 'NOT_FOUND');
  });
});

describe('overview cache', () => {
  it('serves the same answer until a write is audited, then recomputes', async () => {
    const { VersionedCache } = await import('../src/cache.js');
    const { createContext } = await import('../src/context.js');
    const { createCaller } = await import('../src/root.js');
    const { appendAudit } = await import('@trialdesk/db');
    const cache = new VersionedCache();
    const jar = (await h.as('pi')).jar;
    const caller = async () =>
      createCaller(
        await createContext({ db: h.open.db, clock: () => h.clock.now, live: h.live, cookies: jar, cache }),
      );
    const first = await (await caller()).overview.get({ trialId: 'pump-iii' });
    // Change the data behind the cache's back, without an audit row: the cached answer stays.
    await h.open.db
      .updateTable('participants')
      .set({ voided_at: '2026-11-26T10:00:00.000Z', void_reason: 'test' })
      .where('study_id', '=', 'PUMP3-EMC-001')
      .execute();
    expect((await (await caller()).overview.get({ trialId: 'pump-iii' })).inclusion.included).toBe(
      first.inclusion.included,
    );
    // A login (audited without a trial) and another trial's write leave the cached answer alone.
    await h.as('monitor');
    await appendAudit(
      h.open.db,
      { userId: null, username: 'test', role: null, ip: null },
      '2026-11-26T10:00:00.000Z',
      {
        action: 'trial.settings_changed',
        entityType: 'trial',
        entityId: 'artery-2',
        trialId: 'artery-2',
        centre: null,
        participant: null,
        before: null,
        after: null,
        reason: null,
      },
    );
    expect((await (await caller()).overview.get({ trialId: 'pump-iii' })).inclusion.included).toBe(
      first.inclusion.included,
    );
    // An audited write to this trial moves its data version: the next read recomputes.
    await appendAudit(
      h.open.db,
      { userId: null, username: 'test', role: null, ip: null },
      '2026-11-26T10:00:00.000Z',
      {
        action: 'record.voided',
        entityType: 'participant',
        entityId: 'x',
        trialId: 'pump-iii',
        centre: 'EMC',
        participant: 'PUMP3-EMC-001',
        before: null,
        after: null,
        reason: 'test',
      },
    );
    expect((await (await caller()).overview.get({ trialId: 'pump-iii' })).inclusion.included).toBe(
      first.inclusion.included - 1,
    );
    await h.open.db
      .updateTable('participants')
      .set({ voided_at: null, void_reason: null })
      .where('study_id', '=', 'PUMP3-EMC-001')
      .execute();
  });
});

describe('overview payload for a many-centre network', () => {
  it('sends per-centre accrual series for a few centres and totals only beyond twelve', async () => {
    const { buildOverview, MAX_CENTRE_SERIES } = await import('../src/reports/build-overview.js');
    const { builtInTrial, parseTrialDefinition } = await import('@trialdesk/domain');
    const { insertTrial, findTrial } = await import('@trialdesk/db');
    const base = builtInTrial('artery-2');
    const many = parseTrialDefinition({
      ...base,
      id: 'many-centres',
      code: 'MANY',
      centres: Array.from({ length: MAX_CENTRE_SERIES + 1 }, (_, i) => ({
        ...base.centres[0]!,
        code: `C${String.fromCharCode(65 + i)}`,
        name: `Centre ${i}`,
      })),
    });
    await insertTrial(h.open.db, many, true, '2026-11-26T10:00:00.000Z');
    const few = await buildOverview(h.open.db, (await findTrial(h.open.db, 'pump-iii'))!, '2026-11-26');
    expect(few.accrualPerCentre).toBe(true);
    expect(Object.keys(few.accrual.at(-1)!.byCentre).sort()).toEqual(['AVL', 'EMC', 'IJS']);
    const lots = await buildOverview(h.open.db, (await findTrial(h.open.db, 'many-centres'))!, '2026-11-26');
    expect(lots.accrualPerCentre).toBe(false);
    expect(
      lots.accrual.every(
        (p) => Object.keys(p.byCentre).length === 0 && Object.keys(p.plannedByCentre).length === 0,
      ),
    ).toBe(true);
    expect(lots.centres).toHaveLength(MAX_CENTRE_SERIES + 1);
  });
});

describe('overview per-centre tables a page at a time', () => {
  it('sends the asked page of centres in every per-centre table, with the total and the whole-trial figures', async () => {
    const pi = await h.as('pi');
    const all = await pi.overview.get({ trialId: 'pump-iii' });
    expect(all.centrePage).toEqual({ page: 0, pageSize: 3, total: 3 });
    const second = await pi.overview.get({ trialId: 'pump-iii', centrePage: { page: 1, pageSize: 2 } });
    expect(second.centrePage).toEqual({ page: 1, pageSize: 2, total: 3 });
    // The third centre of the definition (AVL), and only it, in each of the three tables.
    expect(second.centres.map((c) => c.code)).toEqual(['AVL']);
    expect(second.centres).toEqual(all.centres.slice(2));
    expect(second.followUp.byCentre.map((c) => c.centre)).toEqual(['AVL']);
    expect(second.assessments.byCentre).toEqual(all.assessments.byCentre.slice(2));
    // Totals, accrual and milestones stay the trial's.
    expect(second.inclusion).toEqual(all.inclusion);
    expect(second.followUp.total).toEqual(all.followUp.total);
    expect(second.accrual).toEqual(all.accrual);
    const past = await pi.overview.get({ trialId: 'pump-iii', centrePage: { page: 5, pageSize: 2 } });
    expect([past.centres, past.followUp.byCentre, past.assessments.byCentre]).toEqual([[], [], []]);
  });

  it('refuses a page size of 0 or above 200, a negative page and unknown page fields', async () => {
    const pi = await h.as('pi');
    for (const centrePage of [
      { page: 0, pageSize: 0 },
      { page: 0, pageSize: 201 },
      { page: -1, pageSize: 25 },
      { page: 0, pageSize: 25, centre: 'EMC' },
    ])
      await expectCode(pi.overview.get({ trialId: 'pump-iii', centrePage }), 'BAD_REQUEST');
  });
});

describe('trials list', () => {
  it('puts the trial that started recruiting first at the top (PUMP-III before ARTERY-2)', async () => {
    const trials = await (await h.as('pi')).trials.list();
    const ids = trials.map((t) => t.id);
    expect(ids.indexOf('pump-iii')).toBeLessThan(ids.indexOf('artery-2'));
    expect(ids[0]).toBe('pump-iii');
  });
});
