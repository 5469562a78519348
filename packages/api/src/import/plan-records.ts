// The mapping applied to a source file: every subject's item values read into the trial's fields, grouped
// into the records an import writes (the participant with its eligibility, and each cycle, assessment and
// clinical event). Problems found here (an unknown code, a date that is no date) are kept per field for the
// report; the rules of the records themselves are the use cases' (apply-import.ts).
import {
  entryMessage,
  importTargets,
  recordOf,
  type ImportMapping,
  type Lang,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { OdmGroupData, OdmSubject } from './odm-read.js';
import { convertValue } from './convert-value.js';

export type Value = string | number | boolean;

export interface FieldValue {
  /** The item (or CSV column, or the mapping's study-event constant) it came from. */
  source: string;
  raw: string;
  value: Value;
}

export interface FieldProblem {
  source: string;
  target: string | null;
  raw: string;
  message: string;
}

export type RecordKind = 'cycle' | 'assessment' | 'event';

export interface PlannedRecord {
  kind: RecordKind;
  /** Where in the file: study event[repeat] / item group[repeat]. */
  where: string;
  fields: Map<string, FieldValue>;
  problems: FieldProblem[];
}

export interface PlannedSubject {
  key: string;
  site: string | null;
  centre: string | null;
  participant: Map<string, FieldValue>;
  eligibility: Map<string, FieldValue>;
  problems: FieldProblem[];
  records: PlannedRecord[];
}

function put(
  lang: Lang,
  fields: Map<string, FieldValue>,
  problems: FieldProblem[],
  target: string,
  field: string,
  v: FieldValue,
) {
  const had = fields.get(field);
  if (had && had.value !== v.value) {
    problems.push({
      source: v.source,
      target,
      raw: v.raw,
      message: entryMessage('import.value.conflict', lang, { first: had.raw, second: v.raw }),
    });
    return;
  }
  fields.set(field, v);
}

const whereOf = (g: OdmGroupData) =>
  g.where ??
  `${g.studyEvent}${g.eventRepeat ? `[${g.eventRepeat}]` : ''}/${g.form}${g.formRepeat ? `[${g.formRepeat}]` : ''}/${g.group}${g.groupRepeat ? `[${g.groupRepeat}]` : ''}`;

export function planSubjects(
  lang: Lang,
  def: TrialDefinition,
  mapping: ImportMapping,
  subjects: readonly OdmSubject[],
): PlannedSubject[] {
  const targets = importTargets(def);
  return subjects.map((s) => {
    const centre = s.site === null ? null : (mapping.sites[s.site] ?? null);
    const plan: PlannedSubject = {
      key: s.key,
      site: s.site,
      centre,
      participant: new Map(),
      eligibility: new Map(),
      problems: [],
      records: [],
    };
    for (const g of s.groups) {
      const byKind = new Map<RecordKind, PlannedRecord>();
      const recordFor = (kind: RecordKind) => {
        let r = byKind.get(kind);
        if (!r) byKind.set(kind, (r = { kind, where: whereOf(g), fields: new Map(), problems: [] }));
        return r;
      };
      const read = (source: string, target: string, raw: string, codes?: Record<string, string>) => {
        const type = targets.get(target);
        const kind = recordOf(target);
        const sink =
          kind === 'participant' || kind === 'eligibility' ? plan.problems : recordFor(kind).problems;
        if (!type) {
          sink.push({
            source,
            target,
            raw,
            message: entryMessage('import.mapping.target', lang, { target }),
          });
          return;
        }
        const c = convertValue(lang, type, raw, codes);
        if (!c.ok) {
          sink.push({ source, target, raw, message: c.message });
          return;
        }
        const field = target.slice(kind.length + 1);
        const v = { source, raw, value: c.value };
        if (kind === 'participant') put(lang, plan.participant, plan.problems, target, field, v);
        else if (kind === 'eligibility') put(lang, plan.eligibility, plan.problems, target, field, v);
        else {
          const r = recordFor(kind);
          put(lang, r.fields, r.problems, target, field, v);
        }
      };
      for (const item of g.items) {
        const m = mapping.items[item.oid];
        if (m?.target) read(item.oid, m.target, item.value, m.codes);
      }
      // Constants of the study event (a visit's month) apply to the records its items made.
      for (const [target, value] of Object.entries(mapping.studyEvents[g.studyEvent] ?? {})) {
        const kind = recordOf(target);
        if (kind === 'cycle' || kind === 'assessment' || kind === 'event')
          if (byKind.has(kind)) read(`studyEvents.${g.studyEvent}`, target, String(value));
      }
      const cycle = byKind.get('cycle');
      const repeat = g.formRepeat ?? g.eventRepeat ?? g.groupRepeat;
      if (cycle && !cycle.fields.has('cycle') && repeat !== null)
        read(`${whereOf(g)} (repeat key)`, 'cycle.cycle', repeat);
      plan.records.push(...byKind.values());
    }
    return plan;
  });
}
