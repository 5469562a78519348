// The competing-risks view of hDFS at the boundaries of its rules. Time zero is 2022-01-01; day
// counts as in endpoints.test.ts: 2022-04-01 is day 90, 2022-07-01 day 181, 2022-10-01 day 273.
import { describe, expect, it } from 'vitest';
import type { DatasetParticipant, TrialDataset } from './endpoints-dataset.js';
import { deriveEndpoint, deriveEndpoints } from './endpoints.js';
import { hdfsCompetingCause, hdfsCompetingRisks } from './endpoints-competing.js';
import { event, participant, scan } from './endpoints-fixtures.js';
import { builtInTrial } from './trials/index.js';
import type { TrialDefinition } from './trial-definition.js';

const M = 365.25 / 12;
const pump = builtInTrial('pump-iii');

function dataset(def: TrialDefinition, participants: DatasetParticipant[]): TrialDataset {
  return { format: 1, trialId: def.id, asOf: '2024-12-31', synthetic: true, screenings: [], participants };
}

function competing(p: DatasetParticipant, def: TrialDefinition = pump) {
  const result = hdfsCompetingRisks(deriveEndpoints(def, dataset(def, [p])));
  return result!.participants[0]!;
}

const died = (date: string) => ({
  events: [event('death', date)],
  offStudy: { date, reason: 'died' as const },
});

describe('hDFS as competing risks', () => {
  it('is cause 1 at the first hepatic recurrence', () => {
    const p = participant({ events: [event('recurrence', '2022-07-01', 'both')] });
    expect(competing(p)).toMatchObject({ cause: 1, time: 181 / M, reason: { date: '2022-07-01' } });
  });

  it('is cause 1 when hepatic recurrence and death share a day, as hDFS takes the recurrence', () => {
    const p = participant({
      events: [event('recurrence', '2022-10-01', 'hepatic'), event('death', '2022-10-01')],
      offStudy: { date: '2022-10-01', reason: 'died' },
    });
    expect(competing(p)).toMatchObject({ cause: 1, time: 273 / M });
  });

  it('is cause 2 at a death the day before a recorded hepatic recurrence (records after death are ignored)', () => {
    const p = participant({
      events: [event('death', '2022-09-30'), event('recurrence', '2022-10-01', 'hepatic')],
      offStudy: { date: '2022-09-30', reason: 'died' },
    });
    expect(competing(p)).toMatchObject({ cause: 2, time: 272 / M, reason: { date: '2022-09-30' } });
  });

  it('is cause 2 at death after an extrahepatic-only recurrence, which is no hDFS event', () => {
    const p = participant({
      events: [event('recurrence', '2022-04-01', 'extrahepatic'), event('death', '2022-10-01')],
      offStudy: { date: '2022-10-01', reason: 'died' },
    });
    expect(competing(p)).toMatchObject({ cause: 2, time: 273 / M });
  });

  it('censors at the last liver imaging before a withdrawal, ignoring a later recurrence and death', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'extrahepatic'), scan('2022-10-01', 'no_recurrence')],
      events: [
        event('withdrawal', '2022-07-01'),
        event('recurrence', '2022-08-01', 'hepatic'),
        event('death', '2023-01-01'),
      ],
      offStudy: { date: '2022-07-01', reason: 'withdrawn' },
    });
    expect(competing(p)).toMatchObject({ cause: 0, time: 90 / M, reason: { cause: 'last_liver_imaging' } });
  });

  it('censors at time zero without imaging, and never at an imaging that shows hepatic disease', () => {
    expect(competing(participant())).toMatchObject({ cause: 0, time: 0 });
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence'), scan('2022-07-01', 'hepatic')],
    });
    expect(competing(p)).toMatchObject({ cause: 0, time: 90 / M });
  });

  it('has the same times and causes whether or not the trial counts death as an hDFS event', () => {
    const deathCensored: TrialDefinition = {
      ...pump,
      endpoints: pump.endpoints.map((e) => (e.kind === 'hdfs' ? { ...e, deathIsEvent: false } : e)),
    };
    const p = participant({ assessments: [scan('2022-04-01', 'no_recurrence')], ...died('2022-10-01') });
    const timeAndCause = ({ time, cause }: { time: number; cause: number }) => ({ time, cause });
    expect(timeAndCause(competing(p, deathCensored))).toEqual(timeAndCause(competing(p, pump)));
    expect(competing(p, deathCensored)).toMatchObject({ cause: 2, time: 273 / M });
  });

  it('refuses a value of another endpoint rather than calling it censored', () => {
    const dfs = deriveEndpoint(participant({ events: [event('recurrence', '2022-04-01', 'extrahepatic')] }), {
      kind: 'dfs',
      deathIsEvent: true,
    });
    expect(() => hdfsCompetingCause(dfs!)).toThrow(/not an hDFS value: recurrence/);
  });
});

describe('hDFS events by type', () => {
  const participants = [
    participant({ studyId: 'PUMP3-EMC-001', events: [event('recurrence', '2022-07-01', 'hepatic')] }),
    participant({ studyId: 'PUMP3-EMC-002', ...died('2022-10-01') }),
    participant({ studyId: 'PUMP3-EMC-003', ...died('2023-01-01') }),
    participant({ studyId: 'PUMP3-EMC-004', assessments: [scan('2022-04-01', 'no_recurrence')] }),
    // not operated: excluded from hDFS, so from this view too
    participant({ studyId: 'PUMP3-EMC-005', timeZero: null, surgeryDate: null }),
  ];

  it('counts hepatic recurrences and deaths without one when hDFS counts death', () => {
    const r = hdfsCompetingRisks(deriveEndpoints(pump, dataset(pump, participants)))!;
    expect(r.participants.map((p) => [p.studyId, p.cause])).toEqual([
      ['PUMP3-EMC-001', 1],
      ['PUMP3-EMC-002', 2],
      ['PUMP3-EMC-003', 2],
      ['PUMP3-EMC-004', 0],
    ]);
    expect(r.hdfsEvents).toEqual({ hepaticRecurrence: 1, death: 2, total: 3 });
    expect(r.competingDeaths).toBe(2);
    expect(r.censored).toBe(1);
  });

  it('counts no death among hDFS events when the trial censors at death, but keeps them as competing', () => {
    const def: TrialDefinition = {
      ...pump,
      endpoints: pump.endpoints.map((e) => (e.kind === 'hdfs' ? { ...e, deathIsEvent: false } : e)),
    };
    const r = hdfsCompetingRisks(deriveEndpoints(def, dataset(def, participants)))!;
    expect(r.hdfsEvents).toEqual({ hepaticRecurrence: 1, death: 0, total: 1 });
    expect(r.competingDeaths).toBe(2);
  });

  it('is null for a trial without hDFS', () => {
    const artery = builtInTrial('artery-2');
    expect(hdfsCompetingRisks(deriveEndpoints(artery, dataset(artery, [])))).toBeNull();
  });
});
