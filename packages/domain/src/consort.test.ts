// The CONSORT flow on a small hand-built trial: every box counted by hand.
import { describe, expect, it } from 'vitest';
import { consortFlow } from './consort.js';
import { cycle, event, participant, scan, screening } from './endpoints-fixtures.js';
import { builtInTrial } from './trials/index.js';

const def = builtInTrial('pump-iii');
const six = (start: number) =>
  [1, 2, 3, 4, 5, 6].map((n) => cycle(n, `2022-${String(start + n).padStart(2, '0')}-01`));

const participants = [
  // Completed six cycles, in follow-up.
  participant({ studyId: 'P1', cycles: six(1), assessments: [scan('2022-04-01', 'no_recurrence')] }),
  // Stopped at cycle 3, then died (before the end of follow-up).
  participant({
    studyId: 'P2',
    cycles: [
      cycle(1, '2022-02-01'),
      cycle(2, '2022-03-01'),
      cycle(3, '2022-04-01', 'stopped', 'Pump malfunction'),
    ],
    events: [event('recurrence', '2022-05-01', 'hepatic'), event('death', '2022-09-01')],
    offStudy: { date: '2022-09-01', reason: 'died' },
  }),
  // Pump, no cycle given, withdrew.
  participant({
    studyId: 'P3',
    events: [event('withdrawal', '2022-03-01')],
    offStudy: { date: '2022-03-01', reason: 'withdrawn' },
  }),
  // Operated without a pump, lost to follow-up.
  participant({
    studyId: 'P4',
    pumpDate: null,
    pumpNotPlacedReason: 'Aberrant arterial anatomy',
    offStudy: { date: '2022-06-01', reason: 'lost_to_follow_up' },
  }),
  // Not operated yet: no time zero.
  participant({ studyId: 'P5', surgeryDate: null, pumpDate: null, timeZero: null, followUpEnd: null }),
  // Two cycles, the last one long ago, no stop record: ended early.
  participant({ studyId: 'P6', cycles: [cycle(1, '2022-02-01'), cycle(2, '2022-03-01')] }),
  // Completed five years of follow-up by the as-of date.
  participant({
    studyId: 'P7',
    surgeryDate: '2017-06-01',
    pumpDate: '2017-06-01',
    timeZero: '2017-06-01',
    followUpEnd: '2022-06-01',
  }),
];

const screenings = [
  ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((id) => screening('included', id)),
  screening('not_eligible', null, ['extrahepaticDisease']),
  screening('not_eligible', null, ['ecog', 'platelets']),
  screening('declined', null, [], 'Declined participation'),
  screening('other', null, [], 'Enrolled in another trial'),
  // Marked included but the participant is not in the data (e.g. voided): counted under "other".
  screening('included', 'P9'),
];

describe('CONSORT flow', () => {
  const flow = consortFlow(def, {
    format: 1,
    trialId: def.id,
    asOf: '2022-12-31',
    synthetic: true,
    participants,
    screenings,
  });

  it('partitions the screening log', () => {
    // 11 log entries + P7, included without a log entry.
    expect(flow.screening).toMatchObject({
      screened: 12,
      notEligible: 2,
      declined: 1,
      included: 7,
      includedWithoutScreening: 1,
    });
    expect(flow.screening.other.count).toBe(2);
    expect(flow.screening.notEligibleReasons).toEqual([
      { criterion: 'ecog', count: 1 },
      { criterion: 'extrahepaticDisease', count: 1 },
      { criterion: 'platelets', count: 1 },
    ]);
    const s = flow.screening;
    expect(s.notEligible + s.declined + s.other.count + s.included).toBe(s.screened);
  });

  it('follows treatment from operation to completed cycles', () => {
    expect(flow.treatment).toMatchObject({
      included: 7,
      notOperated: 1,
      operated: 6,
      operatedWithoutPump: 1,
      withPump: 5,
      notStarted: 2, // P3 and P7
      startedHaip: 3,
      reachedFinalCycle: 1,
      receivedAllCycles: 1,
      onTreatment: 0,
      endedEarly: 1,
    });
    expect(flow.treatment.withoutPumpReasons).toEqual([{ reason: 'Aberrant arterial anatomy', count: 1 }]);
    expect(flow.treatment.stopped).toEqual({ count: 1, reasons: [{ reason: 'Pump malfunction', count: 1 }] });
  });

  it('gives every participant one follow-up status', () => {
    expect(flow.followUp).toEqual({
      included: 7,
      notStarted: 1,
      inFollowUp: 2, // P1, P6
      completed: 1,
      died: 1,
      withdrawn: 1,
      lostToFollowUp: 1,
    });
  });

  it('analyses every participant with a time zero, for each endpoint', () => {
    const hdfs = flow.analysis.find((a) => a.kind === 'hdfs');
    // Events: P2 (hepatic recurrence). OS events: P2 (death).
    expect(hdfs).toEqual({ kind: 'hdfs', included: 7, analysed: 6, excluded: 1, events: 1, censored: 5 });
    expect(flow.analysis.find((a) => a.kind === 'os')).toMatchObject({ analysed: 6, events: 1 });
  });
});
