// The demo's committee history for PUMP-III: two earlier data cuts, each with the signed record of the
// meeting that used it (synthetic minutes), so the meetings list, the cuts and the report show a history.
// Like the synthetic cohort's records, they are covered by the trial's one demo.seeded audit entry.
import type { IsoDate, MeetingRecommendation } from '@trialdesk/domain';
import { addDays } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { insertDataCut } from '../repositories/committee/data-cuts.js';
import { loadTrialDataset } from '../repositories/committee/load-dataset.js';
import {
  insertMeeting,
  meetingSignatureHash,
  signMeeting,
  signedMeetingContent,
} from '../repositories/committee/meetings.js';

const history: {
  monthsBefore: number;
  label: string;
  recommendation: MeetingRecommendation;
  minutes: string;
}[] = [
  {
    monthsBefore: 12,
    label: 'Steering committee, year 4 (synthetic)',
    recommendation: 'continue',
    minutes:
      'Synthetic demo minutes. Accrual complete at 45 of 45. Pooled safety within expectations. Follow-up completeness reviewed per centre; no changes to the protocol. Recommendation: continue unchanged.',
  },
  {
    monthsBefore: 6,
    label: 'Steering committee, interim (synthetic)',
    recommendation: 'modify',
    minutes:
      'Synthetic demo minutes. Follow-up imaging late at one centre: the committee asks the coordinators to schedule liver imaging within the visit window and the monitor to review it at the next visit. Recommendation: continue with this modification of the follow-up procedure.',
  },
];

/** The last day of the month `months` before `asOf`'s month. */
function monthEndBefore(asOf: IsoDate, months: number): IsoDate {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - months + 1, 1)).toISOString().slice(0, 10);
  return addDays(first, -1);
}

export async function seedDemoMeetings(
  trx: Db,
  trial: { id: string; synthetic: boolean },
  chair: { id: number; name: string },
  attendees: readonly string[],
  asOf: IsoDate,
  now: string,
): Promise<void> {
  for (const h of history) {
    const cutAsOf = monthEndBefore(asOf, h.monthsBefore);
    const data = await loadTrialDataset(trx, trial, cutAsOf);
    const cut = await insertDataCut(trx, {
      trialId: trial.id,
      label: h.label,
      asOf: cutAsOf,
      createdAt: now,
      createdBy: null,
      snapshot: data,
      participants: data.participants.length,
    });
    const meetingDate = addDays(cutAsOf, 21);
    const m = await insertMeeting(trx, {
      trialId: trial.id,
      meetingDate,
      attendees,
      cutId: cut.id,
      cutHash: cut.contentHash,
      recommendation: h.recommendation,
      minutes: h.minutes,
      createdAt: now,
      createdBy: chair,
    });
    const signedAt = `${meetingDate}T16:00:00.000Z`;
    const hash = meetingSignatureHash(signedMeetingContent(m, chair.name, signedAt));
    await signMeeting(trx, { trialId: trial.id, id: m.id, signedAt, signedBy: chair, hash });
  }
}
