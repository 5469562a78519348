// What a correction dialog edits, per kind of record: the fields, how each is typed, and which of them a
// correction sends (only the values the user changed, empty meaning "none" where that is allowed).
import {
  complicationCategories,
  cycleModifications,
  gradeScales,
  imagingResults,
  recurrenceSites,
} from '@trialdesk/domain';
import type { ParticipantDetail } from '../participants/types';
import { numberOrNull } from './field-errors';

type FieldKind =
  | { kind: 'date'; nullable: boolean }
  | { kind: 'number'; nullable: boolean }
  | { kind: 'text'; nullable: boolean }
  | { kind: 'select'; options: readonly string[]; labelPrefix: string }
  | { kind: 'boolean' };

export interface EditableField {
  name: string;
  /** Key of the label in messages.ts. */
  label: string;
  type: FieldKind;
}

export type CorrectionTarget =
  { record: 'participant'; studyId: string } | { record: 'cycle' | 'assessment' | 'event'; id: number };

export interface Correctable {
  target: CorrectionTarget;
  fields: EditableField[];
  values: Record<string, unknown>;
}

const date = (nullable = false): FieldKind => ({ kind: 'date', nullable });
const num = (nullable = true): FieldKind => ({ kind: 'number', nullable });
const text = (nullable = false): FieldKind => ({ kind: 'text', nullable });
const select = (options: readonly string[], labelPrefix: string): FieldKind => ({
  kind: 'select',
  options,
  labelPrefix,
});

export function participantCorrectable(d: ParticipantDetail): Correctable {
  const p = d.participant;
  return {
    target: { record: 'participant', studyId: p.studyId },
    fields: [
      { name: 'inclusionDate', label: 'inclusionDate', type: date() },
      { name: 'consentDate', label: 'consentDate', type: date() },
      { name: 'sex', label: 'sex', type: select(['female', 'male'], 'sex_') },
      { name: 'ageAtInclusion', label: 'age', type: num(false) },
    ],
    values: {
      inclusionDate: p.inclusionDate,
      consentDate: p.consentDate,
      sex: p.sex,
      ageAtInclusion: p.ageAtInclusion,
    },
  };
}

/**
 * The saved surgery and pump, corrected from its own row of saved records. They are part of the participant
 * record, so a correction targets the participant; a pump emptied of its date needs the reason it was not
 * placed (the server checks that, and drops the reason when a pump date is given).
 */
export function surgeryCorrectable(d: ParticipantDetail): Correctable {
  const p = d.participant;
  return {
    target: { record: 'participant', studyId: p.studyId },
    fields: [
      { name: 'surgeryDate', label: 'surgeryDate', type: date() },
      { name: 'pumpDate', label: 'pumpDate', type: date(true) },
      { name: 'pumpNotPlacedReason', label: 'pumpReason', type: text(true) },
    ],
    values: {
      surgeryDate: p.surgeryDate,
      pumpDate: p.pumpDate,
      pumpNotPlacedReason: p.pumpNotPlacedReason,
    },
  };
}

export function cycleCorrectable(c: ParticipantDetail['cycles'][number]): Correctable {
  return {
    target: { record: 'cycle', id: c.id },
    fields: [
      { name: 'cycleDate', label: 'cycleDate', type: date() },
      { name: 'emptyDate', label: 'emptyDate', type: date(true) },
      { name: 'flowRateMlDay', label: 'flowRate', type: num() },
      { name: 'returnedVolumeMl', label: 'returnedVolume', type: num() },
      { name: 'doseMg', label: 'dose', type: num() },
      { name: 'modification', label: 'modification', type: select(cycleModifications, 'modification_') },
      { name: 'modificationReason', label: 'modificationReason', type: text(true) },
    ],
    values: { ...c },
  };
}

export function assessmentCorrectable(a: ParticipantDetail['assessments'][number]): Correctable {
  return {
    target: { record: 'assessment', id: a.id },
    fields:
      a.status === 'done'
        ? [
            { name: 'performedDate', label: 'performedDate', type: date() },
            { name: 'cea', label: 'cea', type: num() },
            { name: 'imagingResult', label: 'imaging', type: select(imagingResults, 'imaging_') },
          ]
        : [{ name: 'missedReason', label: 'missedReason', type: text() }],
    values: { ...a },
  };
}

export function eventCorrectable(e: ParticipantDetail['events'][number]): Correctable {
  const byType: Record<string, EditableField[]> = {
    recurrence: [{ name: 'recurrenceSite', label: 'site', type: select(recurrenceSites, 'site_') }],
    death: [{ name: 'deathCause', label: 'cause', type: text() }],
    complication: [
      { name: 'complicationTerm', label: 'term', type: text() },
      { name: 'complicationCategory', label: 'category', type: select(complicationCategories, 'category_') },
      { name: 'gradeScale', label: 'gradeScale', type: select(gradeScales, 'scale_') },
      { name: 'grade', label: 'grade', type: text() },
      { name: 'haipRelated', label: 'haipRelated', type: { kind: 'boolean' } },
      { name: 'resolutionDate', label: 'resolutionDate', type: date(true) },
    ],
    withdrawal: [{ name: 'reason', label: 'reason', type: text() }],
    lost_to_follow_up: [{ name: 'reason', label: 'reason', type: text() }],
  };
  return {
    target: { record: 'event', id: e.id },
    fields: [
      { name: 'date', label: e.type === 'complication' ? 'onsetDate' : 'eventDate', type: date() },
      ...(byType[e.type] ?? []),
    ],
    values: { ...e },
  };
}

/** A form value (as typed) in the form the API takes, or undefined when it cannot be read. */
function parse(type: FieldKind, raw: unknown): unknown {
  switch (type.kind) {
    case 'date':
    case 'text': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return s === '' ? (type.nullable ? null : '') : s;
    }
    case 'number': {
      const n = typeof raw === 'number' || typeof raw === 'string' ? numberOrNull(raw) : null;
      return n === null && !type.nullable ? '' : n;
    }
    case 'select':
    case 'boolean':
      return raw;
  }
}

/** The changes to send: fields whose typed value differs from the saved one. */
export function changesOf(c: Correctable, edited: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of c.fields) {
    const next = parse(f.type, edited[f.name]);
    const before = c.values[f.name] ?? null;
    if (next !== before && !(next === null && before === null)) out[f.name] = next;
  }
  return out;
}

/** Initial form values: dates and text as strings, numbers as typed ('' for none). */
export function initialValues(c: Correctable): Record<string, unknown> {
  return Object.fromEntries(
    c.fields.map((f) => {
      const v = c.values[f.name];
      if (f.type.kind === 'number') return [f.name, v ?? ''];
      if (f.type.kind === 'date' || f.type.kind === 'text') return [f.name, v ?? ''];
      return [f.name, v];
    }),
  );
}
