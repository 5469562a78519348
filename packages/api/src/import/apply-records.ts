// The records of one participant in an import: a record the participant does not have yet is written by
// its entry use case (record a cycle, an assessment, an event); one it has is compared field by field and
// what differs is corrected by the correction use case, with the import (file and SHA-256) as the reason.
import { assessmentInput, correctionInput, cycleInput, entryMessage, eventInput } from '@trialdesk/domain';
import {
  withSavepoint,
  type Assessment,
  type ClinicalEvent,
  type Participant,
  type TreatmentCycle,
} from '@trialdesk/db';
import { correctRecord } from '../use-cases/entry/correct-record.js';
import { recordAssessment } from '../use-cases/entry/record-assessment.js';
import { recordCycle } from '../use-cases/entry/record-cycle.js';
import { recordEvent } from '../use-cases/entry/record-event.js';
import { parseInput, refuse, show, type SubjectContext } from './import-helpers.js';
import type { PlannedRecord, PlannedSubject, Value } from './plan-records.js';
import type { ImportRow } from './report.js';

type Target =
  { record: 'participant'; studyId: string } | { record: 'cycle' | 'assessment' | 'event'; id: number };

/**
 * Compares the file's values with the saved ones (`saved[field]`, by the correction's field names) and
 * corrects what differs in one correction. Fields the file does not carry are left as they are.
 */
async function correctDifferences(
  ctx: SubjectContext,
  row: ImportRow,
  target: Target,
  prefix: string,
  saved: Record<string, unknown>,
  rename: Record<string, string> = {},
): Promise<boolean> {
  const changes: Record<string, Value | null> = {};
  for (const f of row.fields) {
    if (f.status === 'refused' || !f.field.startsWith(prefix)) continue;
    const name = f.field.slice(prefix.length);
    const field = rename[name] ?? name;
    if (!(field in saved)) continue;
    f.before = show(saved[field]);
    if (f.before === f.value) {
      f.status = 'unchanged';
      continue;
    }
    f.status = 'change';
    const v = row.fields.find((x) => x === f);
    changes[field] = v ? parseBack(saved[field], f.value) : null;
  }
  if (Object.keys(changes).length === 0) {
    if (row.action !== 'refused') row.action = 'unchanged';
    return false;
  }
  row.action = 'change';
  try {
    await withSavepoint(ctx.trx, async () => {
      const input = parseInput(ctx.deps.lang, correctionInput, {
        trialId: ctx.def.id,
        target: { ...target, changes },
        reason: ctx.reason,
      });
      await correctRecord(ctx.deps, input);
    });
    return true;
  } catch (error) {
    refuse(row, error);
    return false;
  }
}

/** The file's value in the saved value's type (the report keeps text; the correction wants the value). */
function parseBack(saved: unknown, text: string): Value {
  if (typeof saved === 'number') return Number(text);
  if (typeof saved === 'boolean') return text === 'true';
  return text;
}

export async function correctParticipantInImport(
  ctx: SubjectContext,
  p: Participant,
  s: PlannedSubject,
  row: ImportRow,
): Promise<boolean> {
  // The eligibility an inclusion was decided on is not corrected by an import: a difference is refused.
  for (const f of row.fields.filter((x) => x.field.startsWith('eligibility.'))) {
    const [, id, uln] = f.field.split('.');
    const m = id ? p.eligibility.measures[id] : undefined;
    const saved = uln ? m?.uln : m ? m.value : id ? p.eligibility.answers[id] : undefined;
    f.before = show(saved);
    if (f.before === f.value) f.status = 'unchanged';
    else {
      f.status = 'refused';
      f.message = entryMessage('import.record.differs', ctx.deps.lang);
      row.action = 'refused';
    }
  }
  const surgeryFields = p.surgeryDate !== null && s.participant.has('surgeryDate');
  const saved: Record<string, unknown> = {
    inclusionDate: p.inclusionDate,
    consentDate: p.consentDate,
    sex: p.sex,
    ageAtInclusion: p.ageAtInclusion,
    ...(surgeryFields
      ? { surgeryDate: p.surgeryDate, pumpDate: p.pumpDate, pumpNotPlacedReason: p.pumpNotPlacedReason }
      : {}),
  };
  if (surgeryFields)
    for (const f of ['surgeryDate', 'pumpDate', 'pumpNotPlacedReason']) {
      const v = s.participant.get(f);
      if (v)
        row.fields.push({
          field: `participant.${f}`,
          source: v.source,
          value: show(v.value),
          status: 'create',
        });
    }
  const ageFromEligibility = s.eligibility.get('age');
  if (ageFromEligibility && !s.participant.has('age'))
    row.fields.push({
      field: 'participant.age',
      source: ageFromEligibility.source,
      value: show(ageFromEligibility.value),
      status: 'create',
    });
  // labDate is part of the eligibility record, not a correctable value.
  for (const f of row.fields) if (f.field === 'participant.labDate') f.status = 'unchanged';
  return correctDifferences(ctx, row, { record: 'participant', studyId: p.studyId }, 'participant.', saved, {
    age: 'ageAtInclusion',
  });
}

const num = (r: PlannedRecord, f: string) => {
  const v = r.fields.get(f)?.value;
  return typeof v === 'number' ? v : null;
};
const val = (r: PlannedRecord, f: string) => r.fields.get(f)?.value ?? null;

export async function recordCycleInImport(
  ctx: SubjectContext,
  p: Participant,
  r: PlannedRecord,
  row: ImportRow,
  cycles: readonly TreatmentCycle[],
): Promise<void> {
  const n = num(r, 'cycle');
  if (n === null) {
    row.action = 'refused';
    row.messages.push(entryMessage('import.record.key', ctx.deps.lang, { key: 'cycle' }));
    return;
  }
  row.key = `cycle ${n}`;
  const saved = cycles.find((c) => c.cycle === n);
  if (saved) {
    await correctDifferences(ctx, row, { record: 'cycle', id: saved.id }, '', { ...saved });
    row.fields.forEach((f) => f.field === 'cycle' && (f.status = 'unchanged'));
    return;
  }
  try {
    await withSavepoint(ctx.trx, async () => {
      const input = parseInput(ctx.deps.lang, cycleInput, {
        trialId: ctx.def.id,
        studyId: p.studyId,
        cycle: n,
        cycleDate: val(r, 'cycleDate'),
        emptyDate: val(r, 'emptyDate'),
        flowRateMlDay: val(r, 'flowRateMlDay'),
        returnedVolumeMl: val(r, 'returnedVolumeMl'),
        doseMg: val(r, 'doseMg'),
        modification: val(r, 'modification') ?? 'none',
        modificationReason: val(r, 'modificationReason'),
      });
      await recordCycle(ctx.deps, input);
    });
  } catch (error) {
    refuse(row, error);
  }
}

export async function recordAssessmentInImport(
  ctx: SubjectContext,
  p: Participant,
  r: PlannedRecord,
  row: ImportRow,
  assessments: readonly (Assessment & { month: number })[],
): Promise<void> {
  const month = num(r, 'month');
  if (month === null) {
    row.action = 'refused';
    row.messages.push(entryMessage('import.record.key', ctx.deps.lang, { key: 'month' }));
    return;
  }
  row.key = `month ${month}`;
  const status = val(r, 'status') ?? (val(r, 'missedReason') !== null ? 'missed' : 'done');
  const saved = assessments.find((a) => a.month === month);
  if (saved) {
    const { performedDate, cea, imagingResult, missedReason } = saved;
    await correctDifferences(ctx, row, { record: 'assessment', id: saved.id }, '', {
      performedDate,
      cea,
      imagingResult,
      missedReason,
    });
    for (const f of row.fields) {
      if (f.field === 'month') f.status = 'unchanged';
      if (f.field === 'status') {
        f.before = saved.status;
        if (saved.status === status) f.status = 'unchanged';
        else {
          f.status = 'refused';
          f.message = entryMessage('import.record.differs', ctx.deps.lang);
          row.action = 'refused';
        }
      }
    }
    return;
  }
  try {
    await withSavepoint(ctx.trx, async () => {
      const result =
        status === 'missed'
          ? { status, reason: val(r, 'missedReason') }
          : {
              status,
              performedDate: val(r, 'performedDate'),
              cea: val(r, 'cea'),
              imagingResult: val(r, 'imagingResult'),
            };
      const input = parseInput(ctx.deps.lang, assessmentInput, {
        trialId: ctx.def.id,
        studyId: p.studyId,
        month,
        result,
      });
      await recordAssessment(ctx.deps, input);
    });
  } catch (error) {
    refuse(row, error, { reason: 'missedReason' });
  }
}

const EVENT_FIELDS: Record<string, readonly string[]> = {
  recurrence: ['type', 'date', 'recurrenceSite'],
  death: ['type', 'date', 'deathCause'],
  complication: [
    'type',
    'date',
    'complicationTerm',
    'complicationCategory',
    'gradeScale',
    'grade',
    'haipRelated',
    'resolutionDate',
  ],
  withdrawal: ['type', 'date', 'reason'],
  lost_to_follow_up: ['type', 'date', 'reason'],
};

function eventDetails(r: PlannedRecord) {
  const type = String(val(r, 'type'));
  const date = val(r, 'date');
  switch (type) {
    case 'recurrence':
      return { type, date, site: val(r, 'recurrenceSite') };
    case 'death':
      return { type, date, cause: val(r, 'deathCause') };
    case 'complication':
      return {
        type,
        date,
        term: val(r, 'complicationTerm'),
        category: val(r, 'complicationCategory'),
        gradeScale: val(r, 'gradeScale'),
        grade: val(r, 'grade'),
        haipRelated: val(r, 'haipRelated'),
        resolutionDate: val(r, 'resolutionDate'),
      };
    default:
      return { type, date, reason: val(r, 'reason') };
  }
}

export async function recordEventInImport(
  ctx: SubjectContext,
  p: Participant,
  r: PlannedRecord,
  row: ImportRow,
  events: readonly ClinicalEvent[],
): Promise<void> {
  const type = val(r, 'type');
  const date = val(r, 'date');
  row.key = `${show(type)} ${show(date)}`.trim();
  // Fields of another kind of event (a constant of the visit, an empty column of a shared form) are not
  // this event's: they are left out of its report and of the comparison.
  const own = EVENT_FIELDS[String(type)];
  if (own) row.fields = row.fields.filter((f) => own.includes(f.field));
  // An event is known by its type and date (and, for a complication, its term).
  const saved = events.find(
    (e) =>
      e.type === type &&
      e.date === date &&
      (type !== 'complication' || e.complicationTerm === val(r, 'complicationTerm')),
  );
  if (saved) {
    const { type: _t, id: _i, participantId: _p, centre: _c, voided: _v, ...values } = saved;
    await correctDifferences(ctx, row, { record: 'event', id: saved.id }, '', values);
    row.fields.forEach((f) => f.field === 'type' && (f.status = 'unchanged'));
    return;
  }
  try {
    await withSavepoint(ctx.trx, async () => {
      const input = parseInput(ctx.deps.lang, eventInput, {
        trialId: ctx.def.id,
        studyId: p.studyId,
        event: eventDetails(r),
      });
      await recordEvent(ctx.deps, input);
    });
  } catch (error) {
    refuse(row, error, {
      site: 'recurrenceSite',
      cause: 'deathCause',
      term: 'complicationTerm',
      category: 'complicationCategory',
    });
  }
}
