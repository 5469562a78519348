// The demo's monitoring state, generated from the demo seed like the cohort: per centre, queries in every
// state and of several ages (opened by the demo monitor, answered by the centre's coordinator, some closed),
// and SDV marks on part of the casebooks, so that a newcomer sees the monitoring pages filled. PUMP-III only:
// ARTERY-2 is the trial that is still recruiting and starts with a clean slate. All of it is synthetic.
import { addDays, type IsoDate, type TrialDefinition } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { insertQuery, insertQueryStep, setQueryStatus } from '../repositories/monitoring/queries.js';
import { insertSdvMark } from '../repositories/monitoring/sdv.js';
import { createRng, seedFrom } from './prng.js';

/** Which demo trial carries monitoring data. */
export const MONITORED_DEMO_TRIAL = 'pump-iii';

const questions = [
  {
    recordType: 'participant',
    field: 'consentDate',
    text: 'The consent date differs from the signed form in the ISF. Please check.',
  },
  {
    recordType: 'participant',
    field: 'surgeryDate',
    text: 'The surgery date differs from the operation report. Please confirm.',
  },
  {
    recordType: 'cycle',
    field: 'flowRateMlDay',
    text: 'The flow rate differs from the pump diary. Please confirm against the source.',
  },
  {
    recordType: 'cycle',
    field: 'doseMg',
    text: 'The FUDR dose does not match the pharmacy record. Please check.',
  },
  {
    recordType: 'assessment',
    field: 'cea',
    text: 'This CEA value is not in the lab system. Please confirm the source.',
  },
  {
    recordType: 'assessment',
    field: 'performedDate',
    text: 'The CT date differs from the radiology report. Please check.',
  },
] as const;

const answers = [
  'Checked against the source document: the value is correct.',
  'Corrected after checking the source document.',
  'The source was a scanned letter; the value is confirmed by the treating physician.',
] as const;

/** State and age (days before the as-of date) of each query per centre; answers and closes follow after. */
const plan = [
  { state: 'open', age: 2 },
  { state: 'open', age: 19 },
  { state: 'open', age: 47 },
  { state: 'answered', age: 11, answerAfter: 3 },
  { state: 'answered', age: 33, answerAfter: 8 },
  { state: 'closed', age: 64, answerAfter: 4, closeAfter: 5 },
  { state: 'closed', age: 121, answerAfter: 1, closeAfter: 2 },
] as const;

async function userByName(trx: Db, username: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function seedMonitoring(
  trx: Db,
  def: TrialDefinition,
  seed: number,
  asOf: IsoDate,
): Promise<void> {
  if (def.id !== MONITORED_DEMO_TRIAL) return;
  const rng = createRng(seedFrom(`${def.id}:monitoring`, seed));
  const monitor = await userByName(trx, 'monitor');
  if (!monitor) return;
  const participants = await trx
    .selectFrom('participants')
    .select(['id', 'centre', 'inclusion_date'])
    .where('trial_id', '=', def.id)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  const cycles = await trx
    .selectFrom('treatment_cycles')
    .select(['id', 'participant_id'])
    .where('trial_id', '=', def.id)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  const assessments = await trx
    .selectFrom('assessments')
    .select(['id', 'participant_id'])
    .where('trial_id', '=', def.id)
    .where('voided_at', 'is', null)
    .where('status', '=', 'done')
    .orderBy('id')
    .execute();
  const at = (day: IsoDate, hour: string) => `${day}T${hour}:00.000Z`;

  for (const centre of def.centres) {
    const own = participants.filter((p) => p.centre === centre.code);
    const coordinator = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('role', '=', 'coordinator')
      .where('centre', '=', centre.code)
      .orderBy('id')
      .executeTakeFirst();
    if (own.length === 0 || !coordinator) continue;
    for (const step of plan) {
      const p = rng.pick(own);
      const q = rng.pick(questions);
      const record =
        q.recordType === 'cycle'
          ? cycles.filter((c) => c.participant_id === p.id)
          : q.recordType === 'assessment'
            ? assessments.filter((a) => a.participant_id === p.id)
            : [];
      // A participant without such records is asked about the inclusion record instead.
      const target = q.recordType === 'participant' || record.length === 0 ? null : rng.pick(record).id;
      const opened = addDays(asOf, -step.age);
      const id = await insertQuery(trx, {
        trialId: def.id,
        centre: centre.code,
        participantId: p.id,
        recordType: target === null ? 'participant' : q.recordType,
        recordId: target,
        field: target === null ? 'consentDate' : q.field,
        origin: 'manual',
        rule: null,
        autoKey: null,
        openedAt: at(opened, '09:30'),
        openedBy: monitor.id,
        openedByName: monitor.display_name,
        openedRole: 'monitor',
      });
      const add = (
        kind: 'open' | 'answer' | 'close',
        day: IsoDate,
        text: string | null,
        who: 'monitor' | 'site',
      ) =>
        insertQueryStep(trx, {
          queryId: id,
          at: at(day, kind === 'answer' ? '14:10' : '09:30'),
          kind,
          userId: who === 'monitor' ? monitor.id : coordinator.id,
          userName: who === 'monitor' ? monitor.display_name : coordinator.display_name,
          role: who === 'monitor' ? 'monitor' : 'coordinator',
          text,
          systemKey: null,
          systemParams: null,
          correctionSeq: null,
        });
      await add('open', opened, target === null ? questions[0].text : q.text, 'monitor');
      if (step.state === 'open') continue;
      const answered = addDays(opened, step.answerAfter);
      await add('answer', answered, rng.pick(answers), 'site');
      await setQueryStatus(trx, id, 'answered', at(answered, '14:10'));
      if (step.state === 'answered') continue;
      const closed = addDays(answered, step.closeAfter);
      await add('close', closed, 'Thank you, resolved.', 'monitor');
      await setQueryStatus(trx, id, 'closed', at(closed, '09:30'));
    }
  }

  // SDV: about two in three casebooks started, their inclusion record verified, and with it part of the
  // participant's assessments and cycles, on days within the last four months.
  for (const p of participants) {
    if (!rng.chance(0.65)) continue;
    const mark = (recordType: 'participant' | 'cycle' | 'assessment', recordId: number) =>
      insertSdvMark(trx, {
        trialId: def.id,
        centre: p.centre,
        participantId: p.id,
        recordType,
        recordId,
        field: null,
        verifiedAt: at(addDays(asOf, -rng.int(1, 120)), '11:00'),
        verifiedBy: monitor.id,
        verifiedByName: monitor.display_name,
        synthetic: true,
      });
    await mark('participant', p.id);
    for (const a of assessments.filter((x) => x.participant_id === p.id))
      if (rng.chance(0.6)) await mark('assessment', a.id);
    for (const c of cycles.filter((x) => x.participant_id === p.id))
      if (rng.chance(0.3)) await mark('cycle', c.id);
  }
}
