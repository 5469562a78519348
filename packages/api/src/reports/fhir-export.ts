// FHIR R4 export of a data cut for registries: a Bundle of type "collection" with one ResearchStudy and,
// per participant, a ResearchSubject and the minimal Patient it must point to (R4 requires `individual`).
// Patients carry only the pseudonymous study ID: no name, no date of birth, no other identifier.
// Entries are addressed by urn:uuid full URLs derived from the cut's hash, so an export is reproducible
// and every reference resolves inside the bundle.
import { createHash } from 'node:crypto';
import type { DatasetParticipant, TrialDataset, TrialDefinition } from '@trialdesk/domain';
import { treatmentState } from '@trialdesk/domain';

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  // Version 8 (custom) UUID layout with the RFC 4122 variant bits.
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type ResearchSubjectStatus =
  'on-study' | 'on-study-intervention' | 'follow-up' | 'off-study' | 'withdrawn';

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

function studyStatus(def: TrialDefinition, data: TrialDataset): string {
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

const SYNTHETIC_TAG = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  code: 'HTEST',
  display: 'test health data',
};

export function fhirBundle(input: {
  def: TrialDefinition;
  data: TrialDataset;
  cut: { id: number; label: string; contentHash: string };
  createdAt: string;
}) {
  const { def, data, cut } = input;
  const meta = data.synthetic ? { tag: [SYNTHETIC_TAG] } : undefined;
  const idSystem = `urn:trialdesk:${def.id}:study-id`;
  const studyUrl = `urn:uuid:${uuidFrom(`${cut.contentHash}:study`)}`;
  const study = {
    resourceType: 'ResearchStudy',
    ...(meta ? { meta } : {}),
    identifier: [{ system: 'urn:trialdesk:trial', value: def.code }],
    title: def.title.en,
    status: studyStatus(def, data),
    phase: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/research-study-phase',
          code: phaseCode(def.phase),
        },
      ],
      text: def.phase,
    },
    description: `${def.design.en}${data.synthetic ? ' SYNTHETIC DATA.' : ''}`,
    period: { start: def.recruitment.plannedStart },
  };
  const entries: { fullUrl: string; resource: Record<string, unknown> }[] = [
    { fullUrl: studyUrl, resource: study },
  ];
  for (const p of data.participants) {
    const patientUrl = `urn:uuid:${uuidFrom(`${cut.contentHash}:patient:${p.studyId}`)}`;
    const subjectUrl = `urn:uuid:${uuidFrom(`${cut.contentHash}:subject:${p.studyId}`)}`;
    entries.push({
      fullUrl: patientUrl,
      resource: {
        resourceType: 'Patient',
        ...(meta ? { meta } : {}),
        identifier: [{ system: idSystem, value: p.studyId }],
      },
    });
    entries.push({
      fullUrl: subjectUrl,
      resource: {
        resourceType: 'ResearchSubject',
        ...(meta ? { meta } : {}),
        identifier: [{ system: idSystem, value: p.studyId }],
        status: subjectStatus(def, p, data.asOf),
        period: { start: p.inclusionDate, ...(p.offStudy ? { end: p.offStudy.date } : {}) },
        study: { reference: studyUrl },
        individual: { reference: patientUrl },
      },
    });
  }
  return {
    resourceType: 'Bundle',
    ...(meta ? { meta } : {}),
    identifier: {
      system: 'urn:trialdesk:data-cut',
      value: `${def.code}-cut-${cut.id}-${cut.contentHash.slice(0, 12)}`,
    },
    type: 'collection',
    timestamp: input.createdAt,
    entry: entries,
  };
}
