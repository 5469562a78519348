// Source data verification: the monitor marks records and fields, a later correction or void ends the marks
// it touches (and says so, on the record and in the audit), progress follows the trial definition's plan,
// and only the monitor marks. Demo facts (ARTERY-2, synthetic): ART2-EMC-022 has cycles 3 and 4.
import { sdvRequirement, builtInTrial } from '@trialdesk/domain';
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, parsed } from './audit-helpers.js';
import { participantRow, refusedUnchanged } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { cycleIdOf } from './monitoring-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'artery-2';

describe('sdv.verify and a later correction', () => {
  it('marks a record and a field; a correction of that field ends both marks, audited and shown', async () => {
    const monitor = await h.as('monitor');
    const cycle = await cycleIdOf(h, trialId, 'ART2-EMC-022', 4);
    const whole = await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
    });
    const field = await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
      field: 'doseMg',
    });
    const other = await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
      field: 'cycleDate',
    });
    expect(whole.alreadyVerified).toBe(false);
    const again = await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
    });
    expect(again).toEqual({ markId: whole.markId, alreadyVerified: true });
    expect((await auditRows(h, 'sdv.verified')).length).toBe(3);

    const before = await monitor.sdv.participant({ trialId, studyId: 'ART2-EMC-022' });
    const rec = before.records.find((r) => r.recordType === 'cycle' && r.recordId === cycle);
    expect(rec?.verified).not.toBeNull();
    expect(rec?.fields.map((f) => f.field).sort()).toEqual(['cycleDate', 'doseMg']);

    await (
      await h.as('coord-emc')
    ).entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id: cycle, changes: { doseMg: 9.5 } },
      reason: 'Pharmacy record',
    });
    const after = await monitor.sdv.participant({ trialId, studyId: 'ART2-EMC-022' });
    const now = after.records.find((r) => r.recordType === 'cycle' && r.recordId === cycle);
    expect(now?.verified).toBeNull();
    // The untouched field keeps its mark; the changed one and the whole record lose theirs.
    expect(now?.fields.map((f) => f.field)).toEqual(['cycleDate']);
    expect(now?.ended.map((e) => [e.field, e.cause, e.changedFields])).toEqual([
      ['doseMg', 'corrected', ['doseMg']],
      [null, 'corrected', ['doseMg']],
    ]);
    const ended = await auditRows(h, 'sdv.invalidated');
    expect(ended.map((r) => r.entity_id).sort()).toEqual([String(whole.markId), String(field.markId)].sort());
    expect(ended[0]).toMatchObject({
      reason: 'Pharmacy record',
      role: 'coordinator',
      participant: 'ART2-EMC-022',
    });
    expect(parsed(ended[0]?.after ?? null)).toEqual({ cause: 'corrected', fields: ['doseMg'] });
    expect(other.alreadyVerified).toBe(false);
    // Verified again, it counts again.
    const renewed = await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
    });
    expect(renewed.alreadyVerified).toBe(false);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('a void ends every mark of the record', async () => {
    const monitor = await h.as('monitor');
    const cycle = await cycleIdOf(h, trialId, 'ART2-EMC-022', 3);
    await monitor.sdv.verify({
      trialId,
      studyId: 'ART2-EMC-022',
      recordType: 'cycle',
      recordId: cycle,
      field: 'emptyDate',
    });
    await (
      await h.as('admin')
    ).entry.corrections.void({
      trialId,
      target: { record: 'cycle', id: cycle },
      reason: 'Entered twice',
    });
    const marks = await h.open.db
      .selectFrom('sdv_marks')
      .selectAll()
      .where('record_type', '=', 'cycle')
      .where('record_id', '=', cycle)
      .execute();
    expect(marks.every((m) => m.invalidated_cause === 'voided')).toBe(true);
    expect(marks.length).toBeGreaterThan(0);
  });
});

describe('sdv progress', () => {
  it('counts what the plan requires, per centre and participant, and a verified inclusion record', async () => {
    const monitor = await h.as('monitor');
    const start = await monitor.sdv.progress({ trialId });
    const def = builtInTrial(trialId);
    expect(start.plan).toEqual(def.monitoring.sdv);
    const p = await participantRow(h, trialId, 'ART2-EMC-018');
    // Eligibility is always verified in full.
    expect(sdvRequirement(def.monitoring, 'participant', p.id, null)).toBe('full');
    const row = () =>
      monitor.sdv.progress({ trialId }).then((r) => r.participants.find((x) => x.studyId === 'ART2-EMC-018'));
    const before = await row();
    await monitor.sdv.verify({ trialId, studyId: 'ART2-EMC-018', recordType: 'participant' });
    const after = await row();
    expect(after?.verified).toBe((before?.verified ?? 0) + 1);
    expect(after?.required).toBe(before?.required);
    const emc = (await monitor.sdv.progress({ trialId })).centres.find((c) => c.centre === 'EMC');
    const emcBefore = start.centres.find((c) => c.centre === 'EMC');
    expect(emc?.verified).toBeGreaterThan(emcBefore?.verified ?? 0);
  });

  it("a coordinator sees their own centre's progress only", async () => {
    const coord = await h.as('coord-avl');
    const r = await coord.sdv.progress({ trialId });
    expect(r.centres.map((c) => c.centre)).toEqual(['AVL']);
    await refusedUnchanged(h, coord.sdv.progress({ trialId, centre: 'EMC' }), 'FORBIDDEN');
  });
});

describe('sdv: who may mark, and bad input', () => {
  it('only the monitor marks; a record of another participant is refused and nothing is written', async () => {
    for (const user of ['admin', 'pi', 'coord-emc', 'steering'])
      await refusedUnchanged(
        h,
        (await h.as(user)).sdv.verify({ trialId, studyId: 'ART2-EMC-022', recordType: 'participant' }),
        'FORBIDDEN',
      );
    const monitor = await h.as('monitor');
    const cycle = await cycleIdOf(h, trialId, 'ART2-EMC-022', 4);
    const e = await refusedUnchanged(
      h,
      monitor.sdv.verify({ trialId, studyId: 'ART2-EMC-018', recordType: 'cycle', recordId: cycle }),
      'BAD_REQUEST',
    );
    expect(e.message).toMatch(/no such record/);
    const noId = await refusedUnchanged(
      h,
      monitor.sdv.verify({ trialId, studyId: 'ART2-EMC-018', recordType: 'event' }),
      'BAD_REQUEST',
    );
    expect(noId.message).toMatch(/recordId/);
    const field = await refusedUnchanged(
      h,
      monitor.sdv.verify({ trialId, studyId: 'ART2-EMC-018', recordType: 'participant', field: 'name' }),
      'BAD_REQUEST',
    );
    expect(field.message).toMatch(/no such field/);
  });
});
