// Efficacy outcomes are closed before the primary analysis: by default only the steering committee and the
// PI see them; coordinators, monitors and the administrator get the open report only, every outcome
// procedure and export refuses them, and every look that is let through is audited.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAudit, parsed } from './audit-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { pageTexts } from './pdf-text.js';

const trialId = 'pump-iii';

async function refusal(p: Promise<unknown>): Promise<{ code: string; key: unknown }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return { code: (e as TRPCError).code, key: (e as { key?: unknown }).key };
}

describe('by default (before the primary analysis)', () => {
  let h: Harness;
  let cutId: number;
  beforeAll(async () => {
    h = await createHarness();
    cutId = (
      await (await h.as('pi')).committee.dataCuts.create({ trialId, label: 'DSMB', asOf: '2026-06-30' })
    ).id;
  });
  afterAll(() => h.close());

  it('a coordinator cannot see efficacy outcomes: live, from a cut, or in the report', async () => {
    const emc = await h.as('coord-emc');
    for (const cut of [null, cutId]) {
      expect(await refusal(emc.committee.outcomes.get({ trialId, cutId: cut }))).toEqual({
        code: 'FORBIDDEN',
        key: 'outcomes.closed',
      });
      expect(await refusal(emc.committee.outcomes.participants({ trialId, cutId: cut }))).toEqual({
        code: 'FORBIDDEN',
        key: 'outcomes.closed',
      });
      // The open report still comes: accrual, safety, CONSORT; the closed part is withheld.
      const r = await emc.committee.report.get({ trialId, cutId: cut });
      expect(r.closed).toBeNull();
      expect(r.accrual.included).toBe(45);
      expect(r.safety).toBeDefined();
    }
  });

  it('neither can a monitor or the administrator, nor their exports', async () => {
    for (const u of ['monitor', 'coord-avl', 'admin']) {
      const c = await h.as(u);
      await expectCode(c.committee.outcomes.get({ trialId }), 'FORBIDDEN');
      expect((await c.committee.report.get({ trialId, cutId })).closed).toBeNull();
    }
    const monitor = await h.as('monitor');
    await expectCode(monitor.committee.outcomes.participants({ trialId, cutId }), 'FORBIDDEN');
    const admin = await h.as('admin');
    for (const format of ['csv', 'odm', 'fhir'] as const)
      expect(await refusal(admin.committee.exports[format]({ trialId, cutId }))).toEqual({
        code: 'FORBIDDEN',
        key: 'outcomes.closed',
      });
  });

  it("a coordinator's PDF is the open report: no survival pages, and it says a closed part exists", async () => {
    const emc = await h.as('coord-emc');
    const all = pageTexts(
      Buffer.from((await emc.committee.report.pdf({ trialId, cutId })).base64, 'base64'),
    ).join('\n');
    expect(all).toContain('Closed report');
    expect(all).toContain('CONSORT');
    expect(all).not.toContain('Hepatic disease-free survival');
    expect(all).not.toContain('Median:');
    // The committee's analyses and the per-participant swimmer plot are closed too; the baseline table is open.
    expect(all).not.toContain('Hazard ratios by centre');
    expect(all).not.toContain('Swimmer plot');
    expect(all).toContain('Baseline characteristics');
    const steering = await h.as('steering');
    const full = pageTexts(
      Buffer.from((await steering.committee.report.pdf({ trialId, cutId })).base64, 'base64'),
    ).join('\n');
    expect(full).toContain('Hepatic disease-free survival');
    expect(full).toContain('Swimmer plot');
    // One swimmer bar per participant, named by row: the committee's report carries no study IDs.
    expect(full).toContain('#45');
    expect(full).not.toMatch(/PUMP3-[A-Z]+-\d{3}/);
    expect(full).not.toContain('Closed report');
  });

  it('the steering committee and the PI see outcomes, and each look is audited', async () => {
    for (const u of ['steering', 'pi']) {
      const before = (await auditRows(h, 'outcomes.viewed')).length;
      const c = await h.as(u);
      const { outcomes } = await c.committee.outcomes.get({ trialId, cutId });
      expect(outcomes.endpoints.length).toBeGreaterThan(0);
      const entry = await lastAudit(h, 'outcomes.viewed');
      expect(entry.username).toBe(u);
      expect(entry.entity_type).toBe('data_cut');
      expect(entry.entity_id).toBe(String(cutId));
      expect(parsed(entry.after)).toMatchObject({ view: 'outcomes', asOf: '2026-06-30' });
      expect((await c.committee.report.get({ trialId })).closed).not.toBeNull();
      expect(parsed((await lastAudit(h, 'outcomes.viewed')).after)).toMatchObject({
        view: 'report',
        contentHash: null,
      });
      expect((await auditRows(h, 'outcomes.viewed')).length).toBe(before + 2);
    }
  });

  it('a refused look writes nothing to the audit trail', async () => {
    const before = (await auditRows(h, 'outcomes.viewed')).length;
    await expectCode((await h.as('coord-emc')).committee.outcomes.get({ trialId }), 'FORBIDDEN');
    expect(await (await h.as('coord-emc')).committee.report.get({ trialId })).toMatchObject({ closed: null });
    expect((await auditRows(h, 'outcomes.viewed')).length).toBe(before);
  });
});

describe('trials.setOutcomeVisibility', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('only an administrator changes it; bad input is refused and changes nothing', async () => {
    for (const u of ['pi', 'steering', 'coord-emc', 'monitor'])
      await expectCode(
        (await h.as(u)).trials.setOutcomeVisibility({
          trialId,
          rolesBeforePrimaryAnalysis: ['pi', 'steering', 'coordinator'],
          primaryAnalysisReleased: null,
          reason: 'Open to coordinators',
        }),
        'FORBIDDEN',
      );
    const admin = await h.as('admin');
    const bad = [
      { rolesBeforePrimaryAnalysis: ['pi', 'pi'], primaryAnalysisReleased: null, reason: 'Twice' },
      { rolesBeforePrimaryAnalysis: ['pi', 'dsmb'], primaryAnalysisReleased: null, reason: 'Unknown role' },
      { rolesBeforePrimaryAnalysis: ['pi'], primaryAnalysisReleased: '2026-02-30', reason: 'Bad date' },
      { rolesBeforePrimaryAnalysis: ['pi'], primaryAnalysisReleased: '2027-01-01', reason: 'Future' },
      { rolesBeforePrimaryAnalysis: ['pi'], primaryAnalysisReleased: null, reason: '' },
      // The default, unchanged:
      { rolesBeforePrimaryAnalysis: ['steering', 'pi'], primaryAnalysisReleased: null, reason: 'Same again' },
    ];
    for (const input of bad)
      await expectCode(admin.trials.setOutcomeVisibility({ trialId, ...input } as never), 'BAD_REQUEST');
    expect((await admin.trials.get({ trialId })).definition.outcomeVisibility).toEqual({
      rolesBeforePrimaryAnalysis: ['pi', 'steering'],
      primaryAnalysisReleased: null,
    });
    expect(await auditRows(h, 'trial.settings_changed')).toHaveLength(0);
  });

  it('opening outcomes to coordinators applies at their next request, audited with before and after', async () => {
    const emc = await h.as('coord-emc');
    await expectCode(emc.committee.outcomes.get({ trialId }), 'FORBIDDEN');
    const admin = await h.as('admin');
    const changed = await admin.trials.setOutcomeVisibility({
      trialId,
      rolesBeforePrimaryAnalysis: ['coordinator', 'steering', 'pi'],
      primaryAnalysisReleased: null,
      reason: 'Steering committee decision of 2026-11-20',
    });
    expect(changed.outcomeVisibility.rolesBeforePrimaryAnalysis).toEqual(['pi', 'coordinator', 'steering']);
    const entry = await lastAudit(h, 'trial.settings_changed');
    expect(parsed(entry.before)).toEqual({
      outcomeVisibility: { rolesBeforePrimaryAnalysis: ['pi', 'steering'], primaryAnalysisReleased: null },
    });
    expect(parsed(entry.after)).toEqual({
      outcomeVisibility: {
        rolesBeforePrimaryAnalysis: ['pi', 'coordinator', 'steering'],
        primaryAnalysisReleased: null,
      },
    });
    expect(entry.reason).toBe('Steering committee decision of 2026-11-20');
    expect((await emc.committee.outcomes.get({ trialId })).outcomes.endpoints.length).toBeGreaterThan(0);
    // Participant-level endpoints stay centre-scoped for the coordinator.
    const rows = (await emc.committee.outcomes.participants({ trialId })).rows;
    expect(new Set(rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
    await expectCode((await h.as('monitor')).committee.outcomes.get({ trialId }), 'FORBIDDEN');
  });

  it('once the primary analysis is released every role that reads aggregates sees outcomes', async () => {
    const admin = await h.as('admin');
    await admin.trials.setOutcomeVisibility({
      trialId,
      rolesBeforePrimaryAnalysis: ['pi', 'steering'],
      primaryAnalysisReleased: '2026-11-01',
      reason: 'Primary analysis released',
    });
    for (const u of ['monitor', 'coord-ijsselland', 'admin'])
      expect((await (await h.as(u)).committee.report.get({ trialId })).closed).not.toBeNull();
    expect(await admin.audit.verify()).toMatchObject({ ok: true });
  });
});
