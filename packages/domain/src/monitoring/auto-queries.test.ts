import { describe, expect, it } from 'vitest';
import { builtInTrial } from '../trials/index.js';
import { autoQueryFindings, type AutoQueryData } from './auto-queries.js';

const def = builtInTrial('pump-iii');
const base: AutoQueryData = {
  def,
  today: '2026-11-26',
  participant: { id: 1, ageAtInclusion: 60, offStudyDate: null, voided: false },
  cycles: [],
  slots: [],
  assessments: [],
};

describe('automatic query findings', () => {
  it('finds nothing in complete, in-window data', () => {
    expect(autoQueryFindings(base)).toEqual([]);
  });

  it('keys every finding by rule, record and field', () => {
    const found = autoQueryFindings({
      ...base,
      participant: { ...base.participant, ageAtInclusion: 95 },
      slots: [
        {
          id: 10,
          month: 3,
          dueDate: '2026-06-01',
          windowStart: '2026-05-04',
          windowEnd: '2026-06-29',
          status: 'scheduled',
        },
        {
          id: 11,
          month: 6,
          dueDate: '2026-09-01',
          windowStart: '2026-08-04',
          windowEnd: '2026-09-29',
          status: 'done',
        },
      ],
      assessments: [
        {
          id: 20,
          slotId: 11,
          status: 'done',
          performedDate: '2026-10-10',
          cea: null,
          outOfWindow: true,
          voided: false,
        },
      ],
    });
    expect(found.map((f) => f.key).sort()).toEqual([
      'missing_value:assessment:20:cea',
      'out_of_range:participant::ageAtInclusion',
      'out_of_window:assessment:20:performedDate',
      'visit_overdue:visit:10:',
    ]);
  });

  it('calls a visit overdue only past its window by the window’s width again, and not after off study', () => {
    const slot = {
      id: 10,
      month: 3,
      dueDate: '2026-10-01',
      windowStart: '2026-09-03',
      windowEnd: '2026-10-29',
      status: 'scheduled',
    };
    // Window end 29 Oct, 28 days wide: overdue from 27 Nov.
    expect(autoQueryFindings({ ...base, today: '2026-11-26', slots: [slot] })).toEqual([]);
    expect(autoQueryFindings({ ...base, today: '2026-11-27', slots: [slot] }).map((f) => f.rule)).toEqual([
      'visit_overdue',
    ]);
    const off = { ...base.participant, offStudyDate: '2026-09-01' };
    expect(autoQueryFindings({ ...base, today: '2026-12-27', participant: off, slots: [slot] })).toEqual([]);
  });

  it('queries a value outside the plan’s expected range, and nothing of a voided record or participant', () => {
    const cycle = {
      id: 5,
      cycle: 1,
      cycleDate: '2026-10-01',
      emptyDate: '2026-10-15',
      flowRateMlDay: 4.5,
      returnedVolumeMl: 10,
      doseMg: 5,
      modification: 'none',
      voided: false,
    };
    expect(autoQueryFindings({ ...base, cycles: [cycle] }).map((f) => f.key)).toEqual([
      'out_of_range:cycle:5:flowRateMlDay',
    ]);
    expect(autoQueryFindings({ ...base, cycles: [{ ...cycle, voided: true }] })).toEqual([]);
    expect(
      autoQueryFindings({ ...base, participant: { ...base.participant, voided: true }, cycles: [cycle] }),
    ).toEqual([]);
  });
});
