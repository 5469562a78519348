// Data queries: the conversation open → answered → closed or sent back, who may take each step, centre
// scope (another centre's query answers exactly as a missing one), refusals that leave nothing behind, a
// correction linked to its query, and the audit chain intact afterwards. Demo facts (ARTERY-2, synthetic):
// ART2-EMC-022 has cycles 3 and 4; ART2-EMC-018 and ART2-EMC-011 are EMC participants.
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, parsed } from './audit-helpers.js';
import { asDutch, refusedUnchanged } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { cycleIdOf, queryRows, stepsOf } from './monitoring-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'artery-2';

async function openOnCycle(studyId = 'ART2-EMC-022', text = 'Flow rate differs from the pump diary') {
  const recordId = await cycleIdOf(h, trialId, studyId, 3);
  const monitor = await h.as('monitor');
  return monitor.queries.open({
    trialId,
    studyId,
    recordType: 'cycle',
    recordId,
    field: 'flowRateMlDay',
    text,
  });
}

describe('queries: the conversation', () => {
  it('opens, answers, sends back, answers again and closes, keeping who, when and what of every step', async () => {
    const { queryId } = await openOnCycle();
    const coord = await h.as('coord-emc');
    const monitor = await h.as('monitor');
    expect(await coord.queries.answer({ queryId, text: 'Diary says 1.8; corrected' })).toEqual({
      queryId,
      status: 'answered',
    });
    expect(await monitor.queries.reopen({ queryId, text: 'Please attach the diary page' })).toMatchObject({
      status: 'open',
    });
    await coord.queries.answer({ queryId, text: 'Scanned into the ISF' });
    expect(await monitor.queries.close({ queryId })).toMatchObject({ status: 'closed' });

    const { queries } = await monitor.queries.list({ trialId, studyId: 'ART2-EMC-022' });
    const q = queries.find((x) => x.id === queryId);
    expect(q).toMatchObject({
      status: 'closed',
      recordType: 'cycle',
      recordLabel: 'cycle 3',
      field: 'flowRateMlDay',
      origin: 'manual',
      text: 'Flow rate differs from the pump diary',
      openedRole: 'monitor',
      waitingFor: null,
    });
    expect(q?.steps.map((s) => [s.kind, s.role, s.text])).toEqual([
      ['open', 'monitor', 'Flow rate differs from the pump diary'],
      ['answer', 'coordinator', 'Diary says 1.8; corrected'],
      ['reopen', 'monitor', 'Please attach the diary page'],
      ['answer', 'coordinator', 'Scanned into the ISF'],
      ['close', 'monitor', null],
    ]);
    const row = (await queryRows(h, 'ART2-EMC-022')).find((r) => r.id === queryId);
    // The first answer's time stays, for the median days to answer.
    expect(row?.first_answered_at).toBe(q?.steps[1]?.at);
    const audited = await h.open.db
      .selectFrom('audit_log')
      .select(['action', 'role', 'before', 'after'])
      .where('entity_type', '=', 'query')
      .where('entity_id', '=', String(queryId))
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => [a.action, a.role])).toEqual([
      ['query.opened', 'monitor'],
      ['query.answered', 'coordinator'],
      ['query.reopened', 'monitor'],
      ['query.answered', 'coordinator'],
      ['query.closed', 'monitor'],
    ]);
    expect(parsed(audited[2]?.after ?? null)).toEqual({
      status: 'open',
      text: 'Please attach the diary page',
      bySystem: false,
    });
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('opens a query on the participant itself and on a field of the inclusion record', async () => {
    const monitor = await h.as('monitor');
    const a = await monitor.queries.open({ trialId, studyId: 'ART2-EMC-018', text: 'Consent form version?' });
    const b = await monitor.queries.open({
      trialId,
      studyId: 'ART2-EMC-018',
      field: 'consentDate',
      text: 'Consent date differs from the form',
    });
    const rows = await queryRows(h, 'ART2-EMC-018');
    expect(rows.find((r) => r.id === a.queryId)).toMatchObject({ record_type: null, field: null });
    expect(rows.find((r) => r.id === b.queryId)).toMatchObject({
      record_type: 'participant',
      field: 'consentDate',
    });
  });

  it('a closed query refuses another close and an answer; an open one refuses to be sent back', async () => {
    const { queryId } = await openOnCycle();
    const monitor = await h.as('monitor');
    const coord = await h.as('coord-emc');
    const e = await refusedUnchanged(h, monitor.queries.reopen({ queryId, text: 'again' }), 'CONFLICT');
    expect(e.message).toMatch(/still open/);
    await monitor.queries.close({ queryId, text: 'Resolved by phone' });
    await refusedUnchanged(h, monitor.queries.close({ queryId }), 'CONFLICT');
    const answered = await refusedUnchanged(h, coord.queries.answer({ queryId, text: 'late' }), 'CONFLICT');
    expect(answered.message).toBe('This query is not waiting for an answer (it is closed)');
  });
});

describe('queries: who may act', () => {
  it('only holders of query:open open, close and send back; only the centre coordinator answers', async () => {
    const { queryId } = await openOnCycle();
    const coord = await h.as('coord-emc');
    await refusedUnchanged(h, coord.queries.close({ queryId }), 'FORBIDDEN');
    await refusedUnchanged(
      h,
      coord.queries.open({ trialId, studyId: 'ART2-EMC-022', text: 'self-query' }),
      'FORBIDDEN',
    );
    for (const user of ['monitor', 'pi', 'admin'])
      await refusedUnchanged(h, (await h.as(user)).queries.answer({ queryId, text: 'answer' }), 'FORBIDDEN');
    const steering = await h.as('steering');
    await refusedUnchanged(h, steering.queries.list({ trialId }), 'FORBIDDEN');
    // The PI and the data manager open and close too.
    const pi = await h.as('pi');
    const second = await pi.queries.open({ trialId, studyId: 'ART2-EMC-022', text: 'PI question' });
    await (await h.as('admin')).queries.close({ queryId: second.queryId, text: 'Answered at the meeting' });
  });

  it("another centre's query answers exactly as a missing one, in the list and for every step", async () => {
    const { queryId } = await openOnCycle();
    const avl = await h.as('coord-avl');
    const missing = await refusedUnchanged(
      h,
      avl.queries.answer({ queryId: 99_999_999, text: 'x' }),
      'NOT_FOUND',
    );
    const other = await refusedUnchanged(h, avl.queries.answer({ queryId, text: 'x' }), 'NOT_FOUND');
    expect(other.message).toBe(missing.message.replace('99999999', String(queryId)));
    expect((other as unknown as { key: string }).key).toBe((missing as unknown as { key: string }).key);
    const { queries } = await avl.queries.list({ trialId });
    expect(queries.every((q) => q.centre === 'AVL')).toBe(true);
    expect(queries.some((q) => q.id === queryId)).toBe(false);
    const otherStudy = await refusedUnchanged(
      h,
      avl.queries.list({ trialId, studyId: 'ART2-EMC-022' }),
      'FORBIDDEN',
    );
    const noStudy = await refusedUnchanged(
      h,
      avl.queries.list({ trialId, studyId: 'ART2-AVL-999' }),
      'FORBIDDEN',
    );
    expect(otherStudy.message).toBe(noStudy.message);
    await refusedUnchanged(h, avl.queries.list({ trialId, centre: 'EMC' }), 'FORBIDDEN');
  });

  it('an unknown trial answers as missing', async () => {
    const monitor = await h.as('monitor');
    await refusedUnchanged(h, monitor.queries.list({ trialId: 'no-such-trial' }), 'NOT_FOUND');
    await refusedUnchanged(
      h,
      monitor.queries.open({ trialId: 'no-such-trial', studyId: 'ART2-EMC-022', text: 'x' }),
      'NOT_FOUND',
    );
  });
});

describe('queries: bad input', () => {
  it('names the field in English and Dutch and writes nothing', async () => {
    const monitor = await h.as('monitor');
    const noType = await refusedUnchanged(
      h,
      monitor.queries.open({ trialId, studyId: 'ART2-EMC-022', recordId: 5, text: 'x' }),
      'BAD_REQUEST',
    );
    expect(noType.message).toMatch(/recordType/);
    const field = await refusedUnchanged(
      h,
      monitor.queries.open({
        trialId,
        studyId: 'ART2-EMC-022',
        recordType: 'cycle',
        recordId: 1,
        field: 'colour',
        text: 'x',
      }),
      'BAD_REQUEST',
    );
    expect(field.message).toMatch(/no such field/);
    const nl = await asDutch(h, 'monitor');
    const blank = await refusedUnchanged(
      h,
      nl.queries.open({ trialId, studyId: 'ART2-EMC-022', text: '   ' }),
      'BAD_REQUEST',
    );
    expect(blank.message).toMatch(/text/);
    // A record of another participant is no record of this one.
    const otherCycle = await cycleIdOf(h, trialId, 'ART2-EMC-022', 3);
    const wrong = await refusedUnchanged(
      h,
      nl.queries.open({
        trialId,
        studyId: 'ART2-EMC-018',
        recordType: 'cycle',
        recordId: otherCycle,
        text: 'x',
      }),
      'BAD_REQUEST',
    );
    expect(wrong.message).toMatch(/Deze deelnemer heeft zo’n record niet/);
    await refusedUnchanged(h, monitor.queries.answer({ queryId: -1, text: 'x' }), 'FORBIDDEN');
  });
});

describe('a correction made in answer to a query', () => {
  it('joins the conversation and is audited with a link to the correction', async () => {
    const { queryId } = await openOnCycle();
    const coord = await h.as('coord-emc');
    const cycleId = await cycleIdOf(h, trialId, 'ART2-EMC-022', 3);
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id: cycleId, changes: { flowRateMlDay: 1.8 } },
      reason: 'Transcription error, see pump diary',
      queryId,
    });
    const steps = await stepsOf(h, queryId);
    const corrected = (await auditRows(h, 'record.corrected'))[0];
    expect(steps.at(-1)).toMatchObject({
      kind: 'correction',
      text: 'Transcription error, see pump diary',
      correction_seq: corrected?.seq,
    });
    const link = (await auditRows(h, 'query.correction_linked'))[0];
    expect(link).toMatchObject({ entity_id: String(queryId), participant: 'ART2-EMC-022' });
    expect(parsed(link?.after ?? null)).toEqual({
      record: 'cycle',
      entityId: String(cycleId),
      correctionSeq: corrected?.seq,
    });
    const { queries } = await coord.queries.list({ trialId, studyId: 'ART2-EMC-022' });
    expect(queries.find((q) => q.id === queryId)?.steps.at(-1)?.correction).toEqual({
      record: 'cycle',
      entityId: String(cycleId),
      auditSeq: corrected?.seq,
    });
  });

  it('refuses a query of another participant, or a closed one, and then keeps nothing of the correction', async () => {
    const monitor = await h.as('monitor');
    const other = await monitor.queries.open({ trialId, studyId: 'ART2-EMC-018', text: 'Unrelated' });
    const coord = await h.as('coord-emc');
    const cycleId = await cycleIdOf(h, trialId, 'ART2-EMC-022', 4);
    const correct = (queryId: number) =>
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id: cycleId, changes: { doseMg: 11 } },
        reason: 'Dose per pharmacy record',
        queryId,
      });
    const e = await refusedUnchanged(h, correct(other.queryId), 'BAD_REQUEST');
    expect(e.message).toMatch(/no open query/);
    const { queryId } = await openOnCycle();
    await monitor.queries.close({ queryId });
    const closed = await refusedUnchanged(h, correct(queryId), 'BAD_REQUEST');
    expect(closed.message).toMatch(/is closed/);
  });
});
