// The protocol deviation log: an out-of-window pump visit is logged by the system inside the very write that
// made it out of window, once however often the rules run again; coordinators log their own centre's
// deviations, the data manager any centre's; the summary per centre and category is an aggregate.
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAutoQueries } from '../src/use-cases/monitoring/sweep-auto-queries.js';
import { auditCount, lastAudit, parsed } from './audit-helpers.js';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'artery-2';
const given = { doseMg: 45, flowRateMlDay: 1.5, modification: 'none' as const };

async function autoDeviationsOf(studyId: string) {
  const pi = await h.as('pi');
  return (await pi.deviations.list({ trialId, studyId })).deviations.filter((d) => d.origin === 'auto');
}

describe('out-of-window visits are logged by the system, once', () => {
  it('logs a late pump cycle in the write that recorded it, and never twice', async () => {
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
    await coord.entry.surgery.record({
      trialId,
      studyId,
      surgeryDate: '2026-11-25',
      pump: { placed: true, date: '2026-11-25' },
    });
    h.clock.now = new Date('2027-03-01T10:00:00.000Z');
    await coord.entry.cycles.record({ trialId, studyId, cycle: 1, cycleDate: '2026-12-16', ...given });
    expect(await autoDeviationsOf(studyId)).toEqual([]);
    // Cycle 2 was due 2027-01-06 (on time 01-04 … 01-08); given 01-12 it is out of its window.
    const c2 = await coord.entry.cycles.record({
      trialId,
      studyId,
      cycle: 2,
      cycleDate: '2027-01-12',
      ...given,
    });
    const logged = await autoDeviationsOf(studyId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      category: 'treatment_window',
      severity: 'minor',
      date: '2027-01-12',
      recordType: 'cycle',
      recordId: c2.id,
      centre: 'EMC',
    });
    const audit = await lastAudit(h, 'deviation.recorded');
    expect(audit.participant).toBe(studyId);
    expect(audit.username).toBe('coord-emc');
    expect(parsed(audit.after)).toMatchObject({ origin: 'auto', recordType: 'cycle', recordId: c2.id });
    // Another write for the participant and the scheduled sweep run the rules again: nothing new.
    await coord.entry.cycles.record({ trialId, studyId, cycle: 3, cycleDate: '2027-02-02', ...given });
    const before = await auditCount(h);
    await sweepAutoQueries({ db: h.open.db, clock: () => h.clock.now });
    expect(await autoDeviationsOf(studyId)).toHaveLength(1);
    expect(
      await h.row<{ n: number }>(
        `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'deviation.recorded' AND participant = ?`,
        studyId,
      ),
    ).toMatchObject({ n: 1 });
    expect(await auditCount(h)).toBeGreaterThanOrEqual(before);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });
});

describe('deviations logged by people', () => {
  const base = {
    trialId,
    category: 'procedure' as const,
    severity: 'major' as const,
    description: 'CT scan done without contrast',
    date: '2026-11-20',
    correctiveAction: 'Retrained the radiology staff',
  };

  it("lets a coordinator log their own centre's, and answers another centre's participant as a missing one", async () => {
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const coord = await h.as('coord-emc');
    const { deviationId } = await coord.deviations.record({ ...base, studyId: 'ART2-EMC-022' });
    const row = (await coord.deviations.list({ trialId, studyId: 'ART2-EMC-022' })).deviations.find(
      (d) => d.id === deviationId,
    );
    expect(row).toMatchObject({
      origin: 'manual',
      centre: 'EMC',
      createdByName: expect.any(String) as string,
    });
    const other = await expectCode(
      coord.deviations.record({ ...base, studyId: 'ART2-AVL-014' }),
      'FORBIDDEN',
    );
    const missing = await expectCode(
      coord.deviations.record({ ...base, studyId: 'ART2-EMC-999' }),
      'FORBIDDEN',
    );
    expect(other.message).toBe(missing.message);
    // A centre's own deviation (no participant): the coordinator's centre, never another.
    const site = await coord.deviations.record({ ...base, studyId: null, category: 'other' });
    expect(
      (await coord.deviations.list({ trialId })).deviations.find((d) => d.id === site.deviationId)?.centre,
    ).toBe('EMC');
    await expectCode(coord.deviations.record({ ...base, studyId: null, centre: 'AVL' }), 'FORBIDDEN');
    expect((await coord.deviations.list({ trialId })).deviations.every((d) => d.centre === 'EMC')).toBe(true);
  });

  it('asks the data manager for the centre, refuses a future date, and leaves nothing behind', async () => {
    const admin = await h.as('admin');
    const before = await auditCount(h);
    const noCentre = await expectCode(admin.deviations.record({ ...base, studyId: null }), 'BAD_REQUEST');
    expect(noCentre.message).toMatch(/centre/);
    await expectCode(
      admin.deviations.record({ ...base, studyId: null, centre: 'AVL', date: '2026-12-01' }),
      'BAD_REQUEST',
    );
    await expectCode(
      admin.deviations.record({ ...base, studyId: 'ART2-EMC-022', centre: 'AVL' }),
      'BAD_REQUEST',
    );
    expect(await auditCount(h)).toBe(before);
    await admin.deviations.record({ ...base, studyId: null, centre: 'AVL' });
    expect(await auditCount(h)).toBe(before + 1);
  });

  it('gives the steering committee the summary per centre and category, not the log', async () => {
    const steering = await h.as('steering');
    await expectCode(steering.deviations.list({ trialId: 'pump-iii' }), 'FORBIDDEN');
    const pi = await h.as('pi-steering');
    const summary = await pi.deviations.summary({ trialId });
    const log = (await (await h.as('admin')).deviations.list({ trialId })).deviations;
    expect(summary.total).toBe(log.length);
    expect(summary.major).toBe(log.filter((d) => d.severity === 'major').length);
    const emcProcedure = summary.cells.find((c) => c.centre === 'EMC' && c.category === 'procedure');
    expect(emcProcedure?.major).toBe(
      log.filter((d) => d.centre === 'EMC' && d.category === 'procedure').length,
    );
    expect(JSON.stringify(await steering.deviations.summary({ trialId: 'pump-iii' }))).not.toMatch(/PUMP3-/);
  });
});
