// Code systems and identifiers of Trialdesk's FHIR resources. Terminology.hl7.org systems where R4 binds a
// value set (statuses, categories, severities); local `urn:trialdesk:` systems for what a trial definition
// names itself (the kind of event, the imaging result, the grade), so nothing claims a SNOMED or LOINC
// meaning it was not checked against. CEA carries its LOINC code, which is unambiguous.
import { createHash } from 'node:crypto';

export const SYNTHETIC_TAG = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  code: 'HTEST',
  display: 'test health data',
};

export const EXTENSION = {
  /** The centre (site) a participant is enrolled at: a Reference(Location). */
  site: 'urn:trialdesk:fhir:extension:site',
  /** A complication's grade on the trial's scale (Clavien–Dindo or CTCAE). */
  grade: 'urn:trialdesk:fhir:extension:complication-grade',
  /** Whether the investigator judged a complication related to the hepatic arterial infusion pump. */
  haipRelated: 'urn:trialdesk:fhir:extension:haip-related',
} as const;

export const SYSTEM = {
  studyId: (trialId: string) => `urn:trialdesk:${trialId}:study-id`,
  trial: 'urn:trialdesk:trial',
  centre: 'urn:trialdesk:centre',
  procedure: 'urn:trialdesk:procedure',
  observation: 'urn:trialdesk:observation',
  imagingResult: 'urn:trialdesk:imaging-result',
  event: 'urn:trialdesk:event',
  complicationCategory: 'urn:trialdesk:complication-category',
  clavienDindo: 'urn:trialdesk:clavien-dindo',
  ctcae: 'urn:trialdesk:ctcae-grade',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/ver-status',
  aeSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  aeSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  aeOutcome: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome',
  studyPhase: 'http://terminology.hl7.org/CodeSystem/research-study-phase',
} as const;

/** A version-8 (custom) UUID derived from a seed: an export is reproducible and its references resolve. */
export function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
