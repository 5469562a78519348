// Pump visits and assessments given outside their window: protocol deviations the system logs itself. One
// query for the API's write-time rule and the demo seed, so both describe and key a deviation alike.
import type { Db } from '../../database.js';

export interface OutOfWindowFinding {
  /** Unique per trial: `cycle:<id>` or `assessment:<id>`. */
  key: string;
  participantId: number;
  centre: string;
  category: 'visit_window' | 'treatment_window';
  recordType: 'cycle' | 'assessment';
  recordId: number;
  date: string;
  description: string;
}

export async function outOfWindowFindings(
  db: Db,
  trialId: string,
  participantId: number | null = null,
): Promise<OutOfWindowFinding[]> {
  let cycles = db
    .selectFrom('treatment_cycles as c')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .select([
      'c.id',
      'c.participant_id',
      'c.centre',
      'c.cycle',
      'c.cycle_date',
      'c.window_start',
      'c.window_end',
    ])
    .where('c.trial_id', '=', trialId)
    .where('c.voided_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .where('c.out_of_window', '=', 1);
  let assessments = db
    .selectFrom('assessments as a')
    .innerJoin('assessment_slots as s', 's.id', 'a.slot_id')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .select([
      'a.id',
      'a.participant_id',
      'a.centre',
      'a.performed_date',
      's.month',
      's.window_start',
      's.window_end',
    ])
    .where('a.trial_id', '=', trialId)
    .where('a.voided_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .where('a.status', '=', 'done')
    .where('a.out_of_window', '=', 1)
    .where('a.performed_date', 'is not', null);
  if (participantId !== null) {
    cycles = cycles.where('c.participant_id', '=', participantId);
    assessments = assessments.where('a.participant_id', '=', participantId);
  }
  const found: OutOfWindowFinding[] = (await cycles.orderBy('c.id').execute()).map((c) => ({
    key: `cycle:${c.id}`,
    participantId: Number(c.participant_id),
    centre: c.centre,
    category: 'treatment_window',
    recordType: 'cycle',
    recordId: Number(c.id),
    date: c.cycle_date,
    description: `Cycle ${c.cycle} given on ${c.cycle_date}, outside its window ${c.window_start ?? '?'} – ${c.window_end ?? '?'}`,
  }));
  for (const a of await assessments.orderBy('a.id').execute())
    found.push({
      key: `assessment:${a.id}`,
      participantId: Number(a.participant_id),
      centre: a.centre,
      category: 'visit_window',
      recordType: 'assessment',
      recordId: Number(a.id),
      date: a.performed_date ?? '',
      description: `Month ${a.month} assessment performed on ${a.performed_date ?? ''}, outside its window ${a.window_start} – ${a.window_end}`,
    });
  return found;
}
