// The compact SAE listing's row facts, against SAEs written out by hand.
import { describe, expect, it } from 'vitest';
import type { SaeView } from './clock-words';
import { filterSaes, saeKey, saeReportState, strongestAssessment } from './sae-rows';

const clock = {
  startAt: '2026-03-28T10:00:00.000Z',
  dueAt: '2026-03-29T10:00:00.000Z',
  reportedAt: '2026-03-28T12:00:00.000Z',
  state: 'on_time' as const,
  remainingMs: null,
};

function sae(over: Partial<SaeView>): SaeView {
  return {
    id: 1,
    studyId: 'PUMP3-EMC-001',
    centre: 'EMC',
    eventId: 10,
    eventType: 'complication',
    eventDate: '2026-03-27',
    eventTerm: 'Pneumonia',
    eventVoided: false,
    criteria: ['hospitalisation'],
    assessments: [],
    susar: false,
    awareAt: clock.startAt,
    awareAtLocal: '2026-03-28T11:00',
    awarenessFromRecord: false,
    description: null,
    reportedAt: clock.reportedAt,
    reportedByName: 'Coordinator',
    review: null,
    susarReport: null,
    followUps: [],
    clocks: { initial: clock, susar: null },
    overdue: false,
    synthetic: true,
    ...over,
  };
}

const assessment = (intervention: string, causality: SaeView['assessments'][number]['causality']) => ({
  intervention,
  interventionName: intervention.toUpperCase(),
  causality,
  expected: null,
});

describe('strongestAssessment', () => {
  it('picks the most related causality, the first of equals', () => {
    const s = sae({
      assessments: [
        assessment('drug', 'unlikely'),
        assessment('surgery', 'probable'),
        assessment('pump', 'probable'),
        assessment('device', 'possible'),
      ],
    });
    expect(strongestAssessment(s)?.intervention).toBe('surgery');
  });
  it('none for a death not reported as an SAE', () => {
    expect(strongestAssessment(sae({ id: null, assessments: [] }))).toBeNull();
  });
});

describe('saeReportState', () => {
  it('tells a death not reported, a SUSAR to send or sent, and a plain SAE apart', () => {
    const review = { at: clock.reportedAt, byName: 'PI', comment: null };
    const sent = { at: clock.reportedAt, byName: 'PI', reference: 'EV-1' };
    expect(saeReportState(sae({ id: null }))).toBe('not_reported');
    expect(saeReportState(sae({ susar: true }))).toBe('susar_to_report');
    expect(saeReportState(sae({ susar: true, susarReport: sent }))).toBe('susar_reported');
    expect(saeReportState(sae({ review }))).toBe('reported');
  });
});

describe('filterSaes and saeKey', () => {
  const reviewed = sae({ id: 2, review: { at: clock.reportedAt, byName: 'PI', comment: null } });
  const overdue = sae({ id: 3, overdue: true });
  const death = sae({ id: null, eventId: 44 });
  const all = [reviewed, overdue, death];
  it('keeps the unreviewed (a death not reported counts) or the overdue', () => {
    expect(filterSaes(all, 'unreviewed').map(saeKey)).toEqual(['sae-3', 'death-44']);
    expect(filterSaes(all, 'overdue').map(saeKey)).toEqual(['sae-3']);
    expect(filterSaes(all, 'all')).toHaveLength(3);
  });
});
