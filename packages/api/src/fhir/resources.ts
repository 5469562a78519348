// Every FHIR resource of a trial's dataset, with what the API needs to scope and search them: the centre
// of the participant a resource belongs to (null for the study and its sites) and the Patient it is about.
import type { Resource } from '@medplum/fhirtypes';
import type { TrialDataset, TrialDefinition } from '@trialdesk/domain';
import { clinicalResources } from './clinical-resources.js';
import { ids, locations, patient, researchStudy, researchSubject, type RefOf } from './study-resources.js';

export interface ScopedResource {
  resource: Resource & { id: string };
  /** The participant's centre; null for trial-level resources (ResearchStudy, Location). */
  centre: string | null;
  /** The Patient id the resource is about, if any. */
  patientId: string | null;
}

export function trialResources(def: TrialDefinition, data: TrialDataset, ref: RefOf): ScopedResource[] {
  const out: ScopedResource[] = [
    { resource: researchStudy(def, data, ref) as ScopedResource['resource'], centre: null, patientId: null },
    ...locations(def, data).map((l) => ({
      resource: l as ScopedResource['resource'],
      centre: null,
      patientId: null,
    })),
  ];
  for (const p of data.participants) {
    const patientId = ids.patient(def.id, p.studyId);
    const of = (resource: Resource) => ({
      resource: resource as ScopedResource['resource'],
      centre: p.centre,
      patientId,
    });
    out.push(of(patient(def, data, p)), of(researchSubject(def, data, p, ref)));
    for (const r of clinicalResources(def, data, p, ref)) out.push(of(r));
  }
  return out;
}

/** The resource types the API serves (and the export holds), in CapabilityStatement order. */
export const fhirResourceTypes = [
  'ResearchStudy',
  'ResearchSubject',
  'Patient',
  'Location',
  'Procedure',
  'MedicationAdministration',
  'Observation',
  'Condition',
  'AdverseEvent',
] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];
