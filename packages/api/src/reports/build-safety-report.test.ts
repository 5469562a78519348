// The report's safety and deviation sections on a small hand-made dataset, every count worked out by hand:
// five SAEs at three centres (a death reported on time, a SUSAR reported late with its 15-day report made on
// time, a report exactly 24 hours after awareness, a fatal SUSAR whose 7-day clock is still running, a death
// nobody reported), four deviations. Clocks are read at 2026-03-10T12:00:00.000Z.
import { builtInTrial, type DatasetSae, type TrialDataset } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { deviationCounts, saeListing, safetyReportingCounts } from './build-safety-report.js';

const def = builtInTrial('pump-iii');
const readAt = '2026-03-10T12:00:00.000Z';
const notRelated = [
  { intervention: 'floxuridine', causality: 'not_related' as const, expected: null },
  { intervention: 'pump', causality: 'unlikely' as const, expected: null },
  { intervention: 'surgery', causality: 'not_related' as const, expected: null },
];
const related = [
  { intervention: 'floxuridine', causality: 'probable' as const, expected: false },
  { intervention: 'pump', causality: 'not_related' as const, expected: null },
  { intervention: 'surgery', causality: 'not_related' as const, expected: null },
];

function sae(over: Partial<DatasetSae> & Pick<DatasetSae, 'studyId' | 'centre' | 'eventId'>): DatasetSae {
  return {
    id: over.eventId,
    eventType: 'complication',
    eventDate: '2026-03-01',
    term: 'Biliary sclerosis',
    criteria: ['hospitalisation'],
    assessments: notRelated,
    susar: false,
    awareAt: '2026-03-01T08:00:00.000Z',
    reportedAt: '2026-03-01T10:00:00.000Z',
    susarReportedAt: null,
    reviewed: true,
    ...over,
  };
}

const data: TrialDataset = {
  format: 1,
  trialId: 'pump-iii',
  asOf: '2026-03-10',
  synthetic: true,
  participants: [],
  screenings: [],
  saes: [
    // EMC-1: a death, reported 2 hours after awareness: initial on time.
    sae({
      studyId: 'P-EMC-1',
      centre: 'EMC',
      eventId: 1,
      eventType: 'death',
      criteria: ['death'],
      term: 'Liver failure',
    }),
    // EMC-2: a SUSAR (15 days), initial report 25 hours after awareness (late), SUSAR report on day 14 (on time).
    sae({
      studyId: 'P-EMC-2',
      centre: 'EMC',
      eventId: 2,
      susar: true,
      assessments: related,
      criteria: ['hospitalisation', 'important_medical_event'],
      awareAt: '2026-02-01T08:00:00.000Z',
      reportedAt: '2026-02-02T09:00:00.000Z',
      susarReportedAt: '2026-02-15T08:00:00.000Z',
    }),
    // AVL-1: reported exactly 24 hours after awareness: on time.
    sae({
      studyId: 'P-AVL-1',
      centre: 'AVL',
      eventId: 3,
      awareAt: '2026-03-05T07:30:00.000Z',
      reportedAt: '2026-03-06T07:30:00.000Z',
    }),
    // AVL-2: a life-threatening SUSAR (7 days from 2026-03-08T12:00Z): initial on time, SUSAR report due.
    sae({
      studyId: 'P-AVL-2',
      centre: 'AVL',
      eventId: 4,
      susar: true,
      assessments: related,
      criteria: ['life_threatening'],
      awareAt: '2026-03-08T12:00:00.000Z',
      reportedAt: '2026-03-08T20:00:00.000Z',
    }),
    // IJS-1: a death entered 2026-03-09T11:59:59.999Z and never reported: 24 h passed 1 ms before readAt.
    sae({
      id: null,
      studyId: 'P-IJS-1',
      centre: 'IJS',
      eventId: 5,
      eventType: 'death',
      criteria: ['death'],
      assessments: [],
      awareAt: '2026-03-09T11:59:59.999Z',
      reportedAt: null,
      reviewed: false,
    }),
  ],
  deviations: [
    {
      id: 1,
      centre: 'EMC',
      studyId: 'P-EMC-1',
      category: 'informed_consent',
      severity: 'major',
      date: '2026-01-05',
      origin: 'manual',
    },
    {
      id: 2,
      centre: 'EMC',
      studyId: 'P-EMC-2',
      category: 'visit_window',
      severity: 'minor',
      date: '2026-02-05',
      origin: 'auto',
    },
    {
      id: 3,
      centre: 'EMC',
      studyId: 'P-EMC-1',
      category: 'visit_window',
      severity: 'minor',
      date: '2026-02-06',
      origin: 'auto',
    },
    {
      id: 4,
      centre: 'AVL',
      studyId: null,
      category: 'procedure',
      severity: 'major',
      date: '2026-03-01',
      origin: 'manual',
    },
  ],
};

describe('the report’s SAE counts (open part)', () => {
  const c = safetyReportingCounts(def, data, readAt);

  it('counts SAEs, SUSARs, deaths and deaths not reported', () => {
    expect(c).toMatchObject({ readAt, total: 5, susars: 2, deaths: 2, deathsNotReported: 1 });
  });

  it('counts by criterion (an SAE with two criteria in both)', () => {
    expect(c?.byCriterion).toEqual([
      { criterion: 'death', n: 2 },
      { criterion: 'life_threatening', n: 1 },
      { criterion: 'hospitalisation', n: 2 },
      { criterion: 'disability', n: 0 },
      { criterion: 'congenital_anomaly', n: 0 },
      { criterion: 'important_medical_event', n: 1 },
    ]);
  });

  it('counts report timeliness: exactly 24 hours is on time, the unreported death overdue', () => {
    expect(c?.initialReports).toEqual({ onTime: 3, late: 1, due: 0, overdue: 1 });
    expect(c?.susarReports).toEqual({ onTime: 1, late: 0, due: 1, overdue: 0 });
  });

  it('counts per centre, every centre of the trial listed', () => {
    expect(c?.byCentre).toEqual([
      { centre: 'EMC', saes: 2, susars: 1, initialOverdue: 0, lateReports: 1 },
      { centre: 'IJS', saes: 1, susars: 0, initialOverdue: 1, lateReports: 0 },
      { centre: 'AVL', saes: 2, susars: 1, initialOverdue: 0, lateReports: 0 },
    ]);
  });

  it('holds no study ID', () => {
    expect(JSON.stringify(c)).not.toContain('P-');
  });

  it('reads the unreported death as still due 1 ms earlier', () => {
    const before = safetyReportingCounts(def, data, '2026-03-10T11:59:59.999Z');
    expect(before?.initialReports).toEqual({ onTime: 3, late: 1, due: 1, overdue: 0 });
  });

  it('is null for a cut frozen before SAEs were kept', () => {
    const { saes: _s, ...old } = data;
    expect(safetyReportingCounts(def, old, readAt)).toBeNull();
    expect(saeListing(def, old, readAt)).toBeNull();
  });
});

describe('the report’s deviation summary (open part)', () => {
  it('counts per centre and category, major and minor', () => {
    expect(deviationCounts(def, data)).toEqual({
      total: 4,
      major: 2,
      minor: 2,
      cells: [
        { centre: 'AVL', category: 'procedure', major: 1, minor: 0 },
        { centre: 'EMC', category: 'informed_consent', major: 1, minor: 0 },
        { centre: 'EMC', category: 'visit_window', major: 0, minor: 2 },
      ],
      byCentre: [
        { centre: 'EMC', major: 1, minor: 2 },
        { centre: 'IJS', major: 0, minor: 0 },
        { centre: 'AVL', major: 1, minor: 0 },
      ],
    });
  });
});

describe('the SAE listing (closed part)', () => {
  it('keeps the order of the dataset and gives each report its timeliness and due instant', () => {
    const rows = saeListing(def, data, readAt) ?? [];
    expect(rows.map((r) => r.studyId)).toEqual(['P-EMC-1', 'P-EMC-2', 'P-AVL-1', 'P-AVL-2', 'P-IJS-1']);
    expect(rows[1]).toMatchObject({
      susar: true,
      initial: { state: 'late', dueAt: '2026-02-02T08:00:00.000Z' },
      susarReport: { state: 'on_time', dueAt: '2026-02-16T08:00:00.000Z' },
    });
    expect(rows[1]?.assessments[0]).toMatchObject({ causality: 'probable', expected: false });
    expect(rows[1]?.assessments[0]?.name.en).toMatch(/floxuridine/i);
    expect(rows[3]?.susarReport).toEqual({
      state: 'due',
      dueAt: '2026-03-15T12:00:00.000Z',
      reportedAt: null,
    });
    expect(rows[2]?.initial).toEqual({ state: 'on_time', dueAt: '2026-03-06T07:30:00.000Z' });
    expect(rows[4]?.initial).toEqual({ state: 'overdue', dueAt: '2026-03-10T11:59:59.999Z' });
  });
});
