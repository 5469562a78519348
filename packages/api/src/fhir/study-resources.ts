// The trial-level resources: the ResearchStudy, its sites as Locations, and per participant the
// pseudonymous Patient (the study ID only: no name, no date of birth, no other identifier) and the
// ResearchSubject that ties it to the study and its site.
import type { Location, Meta, Patient, ResearchStudy, ResearchSubject } from '@medplum/fhirtypes';
import {
  treatmentState,
  type DatasetParticipant,
  type TrialDataset,
  type TrialDefinition,
} from '@trialdesk/domain';
import { EXTENSION, SYNTHETIC_TAG, SYSTEM } from './codes.js';

/** How a resource refers to another: `Type/id` in the API, a urn:uuid inside an export bundle. */
export type RefOf = (type: string, id: string) => string;

export const ids = {
  study: (trialId: string) => trialId,
  location: (centre: string) => `centre-${centre}`,
  patient: (trialId: string, studyId: string) => `${trialId}.${studyId}`,
};

export const metaOf = (data: Pick<TrialDataset, 'synthetic'>): { meta?: Meta } =>
  data.synthetic ? { meta: { tag: [SYNTHETIC_TAG] } } : {};

export type ResearchSubjectStatus = ResearchSubject['status'];

/** Maps where a participant stands on the as-of date to the R4 ResearchSubject status codes. */
export function subjectStatus(
  def: TrialDefinition,
  p: DatasetParticipant,
  asOf: string,
): ResearchSubjectStatus {
  if (p.offStudy?.reason === 'withdrawn') return 'withdrawn';
  if (p.offStudy) return 'off-study';
  if (p.followUpEnd !== null && p.followUpEnd <= asOf) return 'off-study';
  if (p.timeZero === null) return 'on-study';
  const plan = def.treatment;
  if (
    plan &&
    p.cycles.length > 0 &&
    treatmentState(p, plan.cycleCount, plan.cycleLengthDays, asOf) === 'on_treatment'
  )
    return 'on-study-intervention';
  return 'follow-up';
}

function studyStatus(def: TrialDefinition, data: TrialDataset): ResearchStudy['status'] {
  if (data.participants.length < def.target) return 'active';
  const open = data.participants.some(
    (p) => p.offStudy === null && (p.followUpEnd === null || p.followUpEnd > data.asOf),
  );
  return open ? 'closed-to-accrual' : 'completed';
}

/** research-study-phase codes: '2' → 'phase-2', '1/2' → 'phase-1-phase-2'. */
function phaseCode(phase: string): string {
  const parts = phase
    .replace(/phase/gi, '')
    .split(/[/\s]+/)
    .filter(Boolean);
  return parts.length === 0 ? 'n-a' : parts.map((p) => `phase-${p}`).join('-');
}

export function researchStudy(def: TrialDefinition, data: TrialDataset, ref: RefOf): ResearchStudy {
  return {
    resourceType: 'ResearchStudy',
    id: ids.study(def.id),
    ...metaOf(data),
    identifier: [{ system: SYSTEM.trial, value: def.code }],
    title: def.title.en,
    status: studyStatus(def, data),
    phase: { coding: [{ system: SYSTEM.studyPhase, code: phaseCode(def.phase) }], text: def.phase },
    description: `${def.design.en}${data.synthetic ? ' SYNTHETIC DATA.' : ''}`,
    period: { start: def.recruitment.plannedStart },
    site: def.centres.map((c) => ({ reference: ref('Location', ids.location(c.code)), display: c.name })),
  };
}

export function locations(def: TrialDefinition, data: TrialDataset): Location[] {
  return def.centres.map((c) => ({
    resourceType: 'Location',
    id: ids.location(c.code),
    ...metaOf(data),
    identifier: [{ system: SYSTEM.centre, value: c.code }],
    status: 'active',
    name: c.name,
    address: { city: c.city, country: 'NL' },
  }));
}

export function patient(def: TrialDefinition, data: TrialDataset, p: DatasetParticipant): Patient {
  return {
    resourceType: 'Patient',
    id: ids.patient(def.id, p.studyId),
    ...metaOf(data),
    identifier: [{ system: SYSTEM.studyId(def.id), value: p.studyId }],
  };
}

export function researchSubject(
  def: TrialDefinition,
  data: TrialDataset,
  p: DatasetParticipant,
  ref: RefOf,
): ResearchSubject {
  const patientId = ids.patient(def.id, p.studyId);
  return {
    resourceType: 'ResearchSubject',
    id: patientId,
    ...metaOf(data),
    extension: [
      { url: EXTENSION.site, valueReference: { reference: ref('Location', ids.location(p.centre)) } },
    ],
    identifier: [{ system: SYSTEM.studyId(def.id), value: p.studyId }],
    status: subjectStatus(def, p, data.asOf),
    period: { start: p.inclusionDate, ...(p.offStudy ? { end: p.offStudy.date } : {}) },
    study: { reference: ref('ResearchStudy', ids.study(def.id)) },
    individual: { reference: ref('Patient', patientId), display: p.studyId },
  };
}
