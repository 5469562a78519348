import { describe, expect, it } from 'vitest';
import { buildTimeline, cycleRows } from './timeline';
import type { ParticipantDetail } from './types';

const voided = { at: '2026-05-01T10:00:00.000Z', reason: 'Entered for the wrong participant' };

function detail(): ParticipantDetail {
  return {
    participant: {
      studyId: 'PUMP3-EMC-001',
      centre: 'EMC',
      centreName: 'Erasmus MC',
      inclusionDate: '2021-02-20',
      consentDate: '2021-02-13',
      surgeryDate: '2021-03-10',
      pumpDate: '2021-03-10',
      pumpNotPlacedReason: null,
      timeZero: '2021-03-10',
      followUpEnd: '2026-03-10',
      offStudy: null,
      followUp: 'completed',
      ageAtInclusion: 53,
      sex: 'male',
      synthetic: true,
      voided: null,
    },
    slots: [
      {
        month: 3,
        dueDate: '2021-06-10',
        windowStart: '2021-05-13',
        windowEnd: '2021-07-08',
        state: 'done',
        performedDate: '2021-06-03',
      },
      {
        month: 6,
        dueDate: '2021-09-10',
        windowStart: '2021-08-13',
        windowEnd: '2021-10-08',
        state: 'missed',
        performedDate: null,
      },
    ],
    assessments: [
      {
        id: 1,
        month: 3,
        status: 'done',
        performedDate: '2021-06-03',
        cea: 8.4,
        imagingResult: 'hepatic',
        missedReason: null,
        outOfWindow: false,
        voided: null,
      },
      {
        id: 2,
        month: 6,
        status: 'missed',
        performedDate: null,
        cea: null,
        imagingResult: null,
        missedReason: 'Too ill',
        outOfWindow: false,
        voided: null,
      },
    ],
    plannedCycles: [
      { cycle: 1, plannedDate: '2021-04-07' },
      { cycle: 2, plannedDate: '2021-05-17' },
    ],
    cycles: [
      {
        id: 1,
        cycle: 1,
        cycleDate: '2021-04-19',
        emptyDate: null,
        flowRateMlDay: null,
        returnedVolumeMl: null,
        doseMg: 121.3,
        modification: 'none',
        modificationReason: null,
        timing: null,
        voided,
      },
      {
        id: 2,
        cycle: 1,
        cycleDate: '2021-04-20',
        emptyDate: null,
        flowRateMlDay: null,
        returnedVolumeMl: null,
        doseMg: 121.3,
        modification: 'delayed',
        modificationReason: 'Neutropenia',
        // Pump 2021-03-10: cycle 1 was due 2021-04-07 to 2021-06-02, so 04-20 is on time.
        timing: {
          plannedDate: '2021-04-07',
          windowStart: '2021-04-07',
          windowEnd: '2021-06-02',
          outOfWindow: false,
        },
        voided: null,
      },
    ],
    events: [
      {
        id: 1,
        type: 'recurrence',
        date: '2021-06-03',
        recurrenceSite: 'hepatic',
        deathCause: null,
        complicationTerm: null,
        complicationCategory: null,
        gradeScale: null,
        grade: null,
        haipRelated: null,
        resolutionDate: null,
        reason: null,
        voided: null,
      },
    ],
  };
}

describe('buildTimeline', () => {
  it('puts every dated record in date order, same-day records in trial order', () => {
    const entries = buildTimeline(detail());
    expect(entries.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2021-02-13 consent',
      '2021-02-20 inclusion',
      '2021-03-10 surgery',
      '2021-03-10 pump',
      '2021-04-19 cycle',
      '2021-04-20 cycle',
      '2021-06-03 assessment',
      '2021-06-03 event',
      '2021-09-10 assessment',
    ]);
  });

  it('says at the surgery why no pump was placed, and only then', () => {
    const surgery = (d: ParticipantDetail) => buildTimeline(d).find((e) => e.kind === 'surgery');
    expect(surgery(detail())).toMatchObject({ pumpNotPlacedReason: null });
    const noPump = detail();
    noPump.participant = {
      ...noPump.participant,
      pumpDate: null,
      pumpNotPlacedReason: 'Aberrant arterial anatomy',
    };
    expect(surgery(noPump)).toMatchObject({ pumpNotPlacedReason: 'Aberrant arterial anatomy' });
    expect(buildTimeline(noPump).some((e) => e.kind === 'pump')).toBe(false);
  });

  it('places a missed assessment at the date it was due', () => {
    const missed = buildTimeline(detail()).find((e) => e.kind === 'assessment' && e.status === 'missed');
    expect(missed?.date).toBe('2021-09-10');
  });

  it('keeps voided records, marked as voided with their reason', () => {
    const cycles = buildTimeline(detail()).filter((e) => e.kind === 'cycle');
    expect(cycles.map((c) => c.voided?.reason ?? null)).toEqual(['Entered for the wrong participant', null]);
  });

  it('keeps a cycle given outside its window marked as a deviation', () => {
    const d = detail();
    const late = d.cycles[1]!;
    d.cycles[1] = { ...late, timing: { ...late.timing!, windowEnd: '2021-04-15', outOfWindow: true } };
    const cycles = buildTimeline(d).filter((e) => e.kind === 'cycle');
    expect(cycles.map((c) => c.outOfWindow)).toEqual([false, true]);
    expect(buildTimeline(detail()).filter((e) => e.kind === 'cycle' && e.outOfWindow)).toHaveLength(0);
  });
});

describe('cycleRows', () => {
  it('shows each planned cycle with every record given for it, and cycles never given', () => {
    const rows = cycleRows(detail());
    expect(rows.map((r) => [r.cycle, r.plannedDate, r.given.map((g) => g.id)])).toEqual([
      [1, '2021-04-07', [1, 2]],
      [2, '2021-05-17', []],
    ]);
  });
});
