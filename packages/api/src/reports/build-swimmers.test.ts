// The swimmer plot's bars and markers on a small hand-made dataset: months are days / 30.4375 since
// inclusion, a bar ends at death, withdrawal, loss, completed follow-up or the as-of date, and only the
// first recurrence and the cycles actually given are marked.
import type { DatasetParticipant, TrialDataset } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { buildSwimmers } from './build-swimmers.js';

const base = (id: number, over: Partial<DatasetParticipant>): DatasetParticipant => ({
  id,
  studyId: `P-${id}`,
  centre: 'EMC',
  inclusionDate: '2025-01-01',
  consentDate: '2025-01-01',
  ageAtInclusion: 60,
  sex: 'male',
  surgeryDate: null,
  pumpDate: null,
  timeZero: null,
  followUpEnd: null,
  offStudy: null,
  slots: [],
  cycles: [],
  assessments: [],
  events: [],
  ...over,
});
const cycle = (n: number, date: string, modification: 'none' | 'skipped' = 'none') => ({
  id: n,
  cycle: n,
  date,
  emptyDate: null,
  flowRateMlDay: null,
  returnedVolumeMl: null,
  doseMg: null,
  modification,
  reason: null,
  outOfWindow: false,
});
const event = (id: number, type: 'recurrence' | 'death', date: string) => ({
  id,
  type,
  date,
  recurrenceSite: type === 'recurrence' ? ('hepatic' as const) : null,
  deathCause: null,
  complication: null,
  reason: null,
});

const data: TrialDataset = {
  format: 1,
  trialId: 'pump-iii',
  asOf: '2026-01-01',
  synthetic: true,
  screenings: [],
  participants: [
    base(1, {
      surgeryDate: '2025-01-31',
      cycles: [cycle(1, '2025-03-02'), cycle(2, '2025-03-16', 'skipped'), cycle(3, '2025-03-30')],
      events: [
        event(1, 'recurrence', '2025-06-30'),
        event(2, 'recurrence', '2025-08-29'),
        event(3, 'death', '2025-10-28'),
      ],
      offStudy: { date: '2025-10-28', reason: 'died' },
    }),
    base(2, { inclusionDate: '2025-07-04' }),
    base(3, { offStudy: { date: '2025-04-01', reason: 'withdrawn' } }),
  ],
};

describe('buildSwimmers', () => {
  const s = buildSwimmers(data);
  // Rows are numbered longest first; P-1, P-2 and P-3 end up in rows 1, 2 and 3.
  const byId = (id: string) => s.find((x) => x.row === Number(id.slice(2)));

  it('ends each bar where follow-up ended, longest first', () => {
    expect(s.map((x) => x.row)).toEqual([1, 2, 3]);
    expect(s.map((x) => x.ending)).toEqual(['death', 'in_follow_up', 'withdrawn']);
    expect(JSON.stringify(s)).not.toContain('P-');
    // 300 days to death; 181 days from 4 Jul 2025 to the as-of date; 90 days to withdrawal.
    expect(byId('P-1')).toMatchObject({ ending: 'death', end: 9.86 });
    expect(byId('P-2')).toMatchObject({ ending: 'in_follow_up', end: 5.95 });
    expect(byId('P-3')).toMatchObject({ ending: 'withdrawn', end: 2.96 });
  });

  it('marks surgery, the cycles given and the first recurrence only', () => {
    // 30, 60 and 88 days; the skipped cycle is not a dose given; the first recurrence at 180 days.
    expect(byId('P-1')).toMatchObject({ surgery: 0.99, cycles: [1.97, 2.89], recurrence: { months: 5.91 } });
    expect(byId('P-2')).toMatchObject({ surgery: null, cycles: [], recurrence: null });
  });
});
