// Automatic queries: the rules that already exist (an assessment outside its window, a visit overdue by
// more than its window, a missing required value, a value outside the expected range of the monitoring
// plan), applied to one participant's current records. The result is the set of findings that should have
// an open query now; the API opens the new ones, reopens those that come back and closes the rest, so a
// query is opened once per rule, record and field, never again on every read.
import { addDays, diffDays, type IsoDate } from '../dates.js';
import type { TrialDefinition } from '../trial-definition.js';
import type { AutoQueryRule, QueryRecordType } from './queries.js';

export interface AutoQueryFinding {
  /** rule:recordType:recordId:field: the identity that makes a query idempotent. */
  key: string;
  rule: AutoQueryRule;
  recordType: QueryRecordType;
  recordId: number | null;
  field: string | null;
  /** The message of monitoring/messages.ts and its values, worded in the reader's language. */
  messageKey: `query.auto.${AutoQueryRule}`;
  params: Record<string, string | number>;
}

export interface AutoQueryData {
  def: TrialDefinition;
  today: IsoDate;
  participant: { id: number; ageAtInclusion: number; offStudyDate: IsoDate | null; voided: boolean };
  cycles: readonly {
    id: number;
    cycle: number;
    cycleDate: IsoDate;
    emptyDate: IsoDate | null;
    flowRateMlDay: number | null;
    returnedVolumeMl: number | null;
    doseMg: number | null;
    modification: string;
    voided: boolean;
  }[];
  slots: readonly {
    id: number;
    month: number;
    dueDate: IsoDate;
    windowStart: IsoDate;
    windowEnd: IsoDate;
    status: string;
  }[];
  assessments: readonly {
    id: number;
    slotId: number;
    status: 'done' | 'missed';
    performedDate: IsoDate | null;
    cea: number | null;
    outOfWindow: boolean;
    voided: boolean;
  }[];
}

export function autoQueryKey(
  rule: AutoQueryRule,
  recordType: QueryRecordType,
  recordId: number | null,
  field: string | null,
): string {
  return `${rule}:${recordType}:${recordId ?? ''}:${field ?? ''}`;
}

function finding(
  rule: AutoQueryRule,
  recordType: QueryRecordType,
  recordId: number | null,
  field: string | null,
  params: Record<string, string | number>,
): AutoQueryFinding {
  return {
    key: autoQueryKey(rule, recordType, recordId, field),
    rule,
    recordType,
    recordId,
    field,
    messageKey: `query.auto.${rule}`,
    params,
  };
}

/** Every finding for one participant today; a voided participant has none (their queries close). */
export function autoQueryFindings(d: AutoQueryData): AutoQueryFinding[] {
  if (d.participant.voided) return [];
  const out: AutoQueryFinding[] = [];
  const slotById = new Map(d.slots.map((s) => [s.id, s]));
  const ranges = d.def.monitoring.expectedRanges;
  const rangeCheck = (
    recordType: 'participant' | 'cycle' | 'assessment',
    id: number,
    values: object,
    what: string,
  ) => {
    for (const r of ranges.filter((x) => x.recordType === recordType)) {
      const v = (values as Record<string, unknown>)[r.field];
      if (typeof v === 'number' && (v < r.min || v > r.max))
        out.push(
          finding('out_of_range', recordType, recordType === 'participant' ? null : id, r.field, {
            field: r.field,
            record: what,
            value: v,
            min: r.min,
            max: r.max,
          }),
        );
    }
  };

  rangeCheck('participant', d.participant.id, d.participant, 'inclusion');

  for (const a of d.assessments) {
    if (a.voided || a.status !== 'done') continue;
    const slot = slotById.get(a.slotId);
    const record = `month ${slot?.month ?? '?'}`;
    if (a.outOfWindow && slot && a.performedDate)
      out.push(
        finding('out_of_window', 'assessment', a.id, 'performedDate', {
          month: slot.month,
          date: a.performedDate,
          from: slot.windowStart,
          to: slot.windowEnd,
        }),
      );
    if (a.cea === null)
      out.push(finding('missing_value', 'assessment', a.id, 'cea', { field: 'cea', record }));
    rangeCheck('assessment', a.id, a, record);
  }

  // Overdue by more than its window: past the window's end by as many days again as the window is wide
  // on each side of the due date. Off-study participants owe no visit after leaving.
  for (const s of d.slots) {
    if (s.status !== 'scheduled') continue;
    const days = diffDays(s.dueDate, s.windowEnd);
    if (d.participant.offStudyDate !== null && s.windowStart > d.participant.offStudyDate) continue;
    if (d.today > addDays(s.windowEnd, days))
      out.push(finding('visit_overdue', 'visit', s.id, null, { month: s.month, to: s.windowEnd, days }));
  }

  const plan = d.def.treatment;
  for (const c of d.cycles) {
    if (c.voided) continue;
    const record = `cycle ${c.cycle}`;
    const given = c.modification !== 'skipped' && c.modification !== 'stopped';
    if (given && plan) {
      const emptyDue = addDays(c.cycleDate, plan.emptyDay - 1 + plan.emptyWindowDays);
      if (c.emptyDate === null && d.today > emptyDue)
        out.push(finding('missing_value', 'cycle', c.id, 'emptyDate', { field: 'emptyDate', record }));
      if (c.emptyDate !== null) {
        if (c.flowRateMlDay === null)
          out.push(
            finding('missing_value', 'cycle', c.id, 'flowRateMlDay', { field: 'flowRateMlDay', record }),
          );
        if (c.returnedVolumeMl === null)
          out.push(
            finding('missing_value', 'cycle', c.id, 'returnedVolumeMl', {
              field: 'returnedVolumeMl',
              record,
            }),
          );
      }
    }
    rangeCheck('cycle', c.id, c, record);
  }
  return out;
}
