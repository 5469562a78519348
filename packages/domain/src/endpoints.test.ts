// Endpoint derivation, one hand-built participant at a time, one censoring rule per test. Day counts are
// counted by hand from time zero 2022-01-01 (2022 is not a leap year): 2022-04-01 is day 90, 2022-07-01
// day 181, 2022-10-01 day 273, 2023-01-01 day 365, 2023-05-14 day 498, 2023-07-01 day 546.
import { describe, expect, it } from 'vitest';
import { deriveEndpoint, deriveEndpoints, monthsFrom } from './endpoints.js';
import { cycle, event, participant as make, scan } from './endpoints-fixtures.js';
import { endpointReasonText } from './endpoints-reason.js';
import { builtInTrial } from './trials/index.js';

const M = 365.25 / 12;
const TZ = '2022-01-01';
const participant = make;

const hdfs = { kind: 'hdfs', deathIsEvent: true } as const;
const hdfsDeathCensored = { kind: 'hdfs', deathIsEvent: false } as const;
const dfs = { kind: 'dfs', deathIsEvent: true } as const;
const os = { kind: 'os', deathIsEvent: true } as const;

describe('time unit', () => {
  it('counts months as days / (365.25 / 12)', () => {
    expect(monthsFrom(TZ, '2023-01-01')).toBeCloseTo(365 / 30.4375, 12);
    expect(monthsFrom(TZ, TZ)).toBe(0);
  });
});

describe('hDFS', () => {
  it('is an event at the first hepatic recurrence', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence'), scan('2023-05-14', 'hepatic')],
      events: [event('recurrence', '2023-05-14', 'hepatic')],
    });
    const v = deriveEndpoint(p, hdfs);
    expect(v).toMatchObject({ event: true, reason: { cause: 'hepatic_recurrence', date: '2023-05-14' } });
    expect(v?.time).toBeCloseTo(498 / M, 12);
    expect(endpointReasonText(v!.reason, 'en')).toBe('event: hepatic recurrence on 2023-05-14');
    expect(endpointReasonText(v!.reason, 'nl')).toBe('gebeurtenis: hepatisch recidief op 2023-05-14');
  });

  it('counts a recurrence at both sites as hepatic', () => {
    const p = participant({ events: [event('recurrence', '2022-07-01', 'both')] });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({ event: true, time: 181 / M });
  });

  it('does not count an extrahepatic-only recurrence, and censors at the last liver imaging, extrahepatic results included', () => {
    const p = participant({
      assessments: [
        scan('2022-04-01', 'no_recurrence'),
        scan('2022-07-01', 'extrahepatic'),
        scan('2022-10-01', 'extrahepatic'),
      ],
      events: [event('recurrence', '2022-07-01', 'extrahepatic')],
    });
    const v = deriveEndpoint(p, hdfs);
    expect(v).toMatchObject({ event: false, reason: { cause: 'last_liver_imaging', date: '2022-10-01' } });
    expect(v?.time).toBeCloseTo(273 / M, 12);
  });

  it('censors at the last liver imaging without recurrence, never at one that shows hepatic disease', () => {
    // A scan showing hepatic disease without a recorded recurrence (a data query) is not liver imaging
    // without recurrence: the participant is censored at the earlier clean scan.
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence'), scan('2022-07-01', 'hepatic')],
    });
    const v = deriveEndpoint(p, hdfs);
    expect(v).toMatchObject({ event: false, reason: { cause: 'last_liver_imaging', date: '2022-04-01' } });
    expect(v?.time).toBeCloseTo(90 / M, 12);
    expect(endpointReasonText(v!.reason, 'en')).toBe(
      'censored: last liver imaging without recurrence on 2022-04-01',
    );
    expect(endpointReasonText(v!.reason, 'nl')).toBe(
      'gecensureerd: laatste leverbeeldvorming zonder recidief op 2022-04-01',
    );
  });

  it('ignores missed assessments and visits without imaging', () => {
    const p = participant({
      assessments: [
        scan('2022-04-01', 'no_recurrence'),
        scan('2022-07-01', null),
        { ...scan('2022-10-01', null), status: 'missed', performedDate: null, missedReason: 'No show' },
      ],
    });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({ event: false, time: 90 / M });
  });

  it('is an event at death when the setting says death is an event', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence')],
      events: [event('death', '2022-10-01')],
      offStudy: { date: '2022-10-01', reason: 'died' },
    });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({
      event: true,
      time: 273 / M,
      reason: { cause: 'death', date: '2022-10-01' },
    });
  });

  it('censors at death when the setting says death is not an event', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence')],
      events: [event('death', '2022-10-01')],
      offStudy: { date: '2022-10-01', reason: 'died' },
    });
    const v = deriveEndpoint(p, hdfsDeathCensored);
    expect(v).toMatchObject({ event: false, time: 273 / M, reason: { cause: 'death_not_event' } });
    expect(endpointReasonText(v!.reason, 'en')).toMatch(
      /^censored: died without hepatic recurrence on 2022-10-01/,
    );
  });

  it('keeps a hepatic recurrence before death as the event under either setting', () => {
    const p = participant({
      events: [event('recurrence', '2022-07-01', 'hepatic'), event('death', '2023-01-01')],
      offStudy: { date: '2023-01-01', reason: 'died' },
    });
    expect(deriveEndpoint(p, hdfsDeathCensored)).toMatchObject({ event: true, time: 181 / M });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({ event: true, time: 181 / M });
  });

  it('censors at time zero when there is no imaging yet', () => {
    const v = deriveEndpoint(participant(), hdfs);
    expect(v).toMatchObject({ event: false, time: 0, reason: { cause: 'no_imaging', date: TZ } });
  });

  it('ignores records dated after the participant withdrew', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence'), scan('2022-10-01', 'no_recurrence')],
      events: [event('withdrawal', '2022-07-01'), event('recurrence', '2023-01-01', 'hepatic')],
      offStudy: { date: '2022-07-01', reason: 'withdrawn' },
    });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({ event: false, time: 90 / M });
  });

  it('ignores records before time zero', () => {
    const p = participant({ assessments: [scan('2021-12-28', 'no_recurrence')] });
    expect(deriveEndpoint(p, hdfs)).toMatchObject({ event: false, time: 0 });
  });
});

describe('DFS', () => {
  it('is an event at the first recurrence at any site', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence'), scan('2022-07-01', 'extrahepatic')],
      events: [
        event('recurrence', '2022-07-01', 'extrahepatic'),
        event('recurrence', '2023-01-01', 'hepatic'),
      ],
    });
    expect(deriveEndpoint(p, dfs)).toMatchObject({
      event: true,
      time: 181 / M,
      reason: { cause: 'recurrence', detail: 'extrahepatic' },
    });
  });

  it('is an event at death without recurrence', () => {
    const p = participant({
      events: [event('death', '2023-05-14')],
      offStudy: { date: '2023-05-14', reason: 'died' },
    });
    expect(deriveEndpoint(p, dfs)).toMatchObject({ event: true, time: 498 / M, reason: { cause: 'death' } });
  });

  it('censors at the last disease-free imaging: an extrahepatic finding is not disease-free', () => {
    const p = participant({
      assessments: [
        scan('2022-04-01', 'no_recurrence'),
        scan('2022-07-01', 'no_recurrence'),
        scan('2022-10-01', 'extrahepatic'),
      ],
    });
    const v = deriveEndpoint(p, dfs);
    expect(v).toMatchObject({ event: false, time: 181 / M, reason: { cause: 'last_disease_free_imaging' } });
    expect(endpointReasonText(v!.reason, 'en')).toBe('censored: last disease-free imaging on 2022-07-01');
  });
});

describe('OS', () => {
  it('is an event at death', () => {
    const p = participant({
      events: [event('recurrence', '2022-07-01', 'hepatic'), event('death', '2023-07-01')],
      offStudy: { date: '2023-07-01', reason: 'died' },
    });
    const v = deriveEndpoint(p, os);
    expect(v).toMatchObject({ event: true, time: 546 / M });
    expect(endpointReasonText(v!.reason, 'nl')).toBe('gebeurtenis: overlijden op 2023-07-01');
  });

  it('censors at the last contact alive, whatever kind of record it is', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence')],
      cycles: [cycle(1, '2022-07-01')],
    });
    const v = deriveEndpoint(p, os);
    expect(v).toMatchObject({
      event: false,
      time: 181 / M,
      reason: { cause: 'last_contact', detail: 'cycle' },
    });
    expect(endpointReasonText(v!.reason, 'en')).toBe(
      'censored: last contact alive on 2022-07-01 (pump visit)',
    );
  });

  it('does not take the date a participant was declared lost to follow-up as a contact', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence')],
      events: [event('lost_to_follow_up', '2023-01-01')],
      offStudy: { date: '2023-01-01', reason: 'lost_to_follow_up' },
    });
    expect(deriveEndpoint(p, os)).toMatchObject({ event: false, time: 90 / M });
  });

  it('takes a withdrawal as the last contact', () => {
    const p = participant({
      assessments: [scan('2022-04-01', 'no_recurrence')],
      events: [event('withdrawal', '2022-10-01')],
      offStudy: { date: '2022-10-01', reason: 'withdrawn' },
    });
    expect(deriveEndpoint(p, os)).toMatchObject({
      event: false,
      time: 273 / M,
      reason: { detail: 'withdrawal' },
    });
  });
});

describe('a dataset', () => {
  it('excludes and counts participants without a time zero, or with one after the as-of date', () => {
    const def = builtInTrial('pump-iii');
    const result = deriveEndpoints(def, {
      format: 1,
      trialId: def.id,
      asOf: '2022-12-31',
      synthetic: true,
      screenings: [],
      participants: [
        participant({ studyId: 'PUMP3-EMC-001' }),
        participant({ studyId: 'PUMP3-EMC-002', timeZero: null, surgeryDate: null }),
        participant({ studyId: 'PUMP3-EMC-003', timeZero: '2023-01-05' }),
      ],
    });
    expect(result.analysed.map((a) => a.studyId)).toEqual(['PUMP3-EMC-001']);
    expect(result.excluded.map((a) => a.studyId)).toEqual(['PUMP3-EMC-002', 'PUMP3-EMC-003']);
    expect(Object.keys(result.analysed[0]!.values).sort()).toEqual(['dfs', 'hdfs', 'os']);
    expect(result.endpoints.find((e) => e.kind === 'hdfs')?.deathIsEvent).toBe(true);
  });
});
