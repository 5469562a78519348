// The swimmer plot's numbers: one bar per participant from inclusion to the last follow-up known at the
// as-of date, with markers (in months since inclusion) for surgery, each treatment cycle, the first
// recurrence, death, and the censoring of everyone still alive at the bar's end (in follow-up, withdrawn
// or lost). Participant-level, so it belongs to the closed part. The page and the PDF only draw these.
import { DAYS_PER_MONTH, diffDays, type IsoDate, type TrialDataset } from '@trialdesk/domain';

// Outcomes are aggregates served to the steering committee too, which never receives study IDs or
// participant dates: a bar is named by its row (1 = longest follow-up), not by the participant.
export interface Swimmer {
  row: number;
  centre: string;
  /** Months from inclusion to the end of the bar. */
  end: number;
  /** How the bar ends: death, or censored (still followed, follow-up complete, withdrawn, lost). */
  ending: 'death' | 'in_follow_up' | 'completed' | 'withdrawn' | 'lost_to_follow_up';
  surgery: number | null;
  cycles: number[];
  recurrence: { months: number; site: 'hepatic' | 'extrahepatic' | 'both' | null } | null;
}

const months = (from: IsoDate, to: IsoDate) => Math.round((diffDays(from, to) / DAYS_PER_MONTH) * 100) / 100;

export function buildSwimmers(data: TrialDataset): Swimmer[] {
  return data.participants
    .map((p): Swimmer & { key: string } => {
      const off = p.offStudy;
      const completed = off === null && p.followUpEnd !== null && p.followUpEnd <= data.asOf;
      const endDate = off?.date ?? (completed && p.followUpEnd !== null ? p.followUpEnd : data.asOf);
      const ending =
        off === null
          ? completed
            ? 'completed'
            : 'in_follow_up'
          : off.reason === 'died'
            ? 'death'
            : off.reason;
      const rec = p.events.find((e) => e.type === 'recurrence');
      return {
        key: p.studyId,
        row: 0,
        centre: p.centre,
        end: months(p.inclusionDate, endDate),
        ending,
        surgery: p.surgeryDate === null ? null : months(p.inclusionDate, p.surgeryDate),
        cycles: p.cycles
          .filter((c) => c.modification !== 'skipped')
          .map((c) => months(p.inclusionDate, c.date)),
        recurrence: rec ? { months: months(p.inclusionDate, rec.date), site: rec.recurrenceSite } : null,
      };
    })
    .sort((a, b) => b.end - a.end || a.key.localeCompare(b.key))
    .map(({ key: _key, ...bar }, i) => ({ ...bar, row: i + 1 }));
}
