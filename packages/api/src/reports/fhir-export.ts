// FHIR R4 export of a data cut for registries: a Bundle of type "collection" with the ResearchStudy, its
// sites (Location) and, per participant, the pseudonymous Patient (study ID only: no name, no date of birth,
// no other identifier), the ResearchSubject with its site, and the clinical resources — the same resources,
// from the same builder (fhir/resources.ts), that the FHIR API serves. Entries are addressed by urn:uuid
// full URLs derived from the cut's hash, so an export is reproducible and every reference resolves inside
// the bundle.
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import type { TrialDataset, TrialDefinition } from '@trialdesk/domain';
import { SYNTHETIC_TAG, uuidFrom } from '../fhir/codes.js';
import { trialResources } from '../fhir/resources.js';
import { ids } from '../fhir/study-resources.js';
import { signatureProvenance, type ExportedSignature } from './signature-export.js';

export function fhirBundle(input: {
  def: TrialDefinition;
  data: TrialDataset;
  cut: { id: number; label: string; contentHash: string };
  /** Casebook and cut signatures with their state at export: a Provenance each (signature-export.ts). */
  signatures?: readonly ExportedSignature[];
  createdAt: string;
}): Bundle {
  const { def, data, cut } = input;
  const urlOf = (type: string, id: string) => `urn:uuid:${uuidFrom(`${cut.contentHash}:${type}/${id}`)}`;
  const resources = trialResources(def, data, urlOf);
  // The latest signature of each casebook of the cut and of the cut itself, on what it signed.
  const signed: BundleEntry[] = (input.signatures ?? [])
    .filter((sig) => sig.latest)
    .map((sig) => {
      const resource = signatureProvenance(
        sig,
        sig.kind === 'casebook'
          ? urlOf('ResearchSubject', ids.patient(def.id, sig.entityId))
          : urlOf('ResearchStudy', ids.study(def.id)),
        data.synthetic ? SYNTHETIC_TAG : null,
      );
      return { fullUrl: urlOf('Provenance', resource.id), resource };
    });
  return {
    resourceType: 'Bundle',
    ...(data.synthetic ? { meta: { tag: [SYNTHETIC_TAG] } } : {}),
    identifier: {
      system: 'urn:trialdesk:data-cut',
      value: `${def.code}-cut-${cut.id}-${cut.contentHash.slice(0, 12)}`,
    },
    type: 'collection',
    timestamp: input.createdAt,
    entry: [
      ...resources.map(({ resource }) => ({
        fullUrl: urlOf(resource.resourceType, resource.id),
        resource,
      })),
      ...signed,
    ],
  };
}
