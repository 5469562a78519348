// The CapabilityStatement at /fhir/R4/metadata: what this read-only server offers, for clients to discover.
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { fhirResourceTypes } from './resources.js';

const participantParams = [
  { name: 'study', type: 'reference', documentation: 'The ResearchStudy (trial) id, e.g. pump-iii.' },
  { name: 'subject', type: 'reference', documentation: 'The Patient id (or Patient/id).' },
  { name: 'patient', type: 'reference', documentation: 'Same as subject.' },
] as const;

export function capabilityStatement(now: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now,
    publisher: 'Trialdesk',
    kind: 'instance',
    software: { name: 'Trialdesk' },
    implementation: { description: 'Trialdesk FHIR R4 read API (read-only, personal API tokens)' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read-only. Authorization: Bearer <personal API token>; the token reads with its user’s trial memberships, role and centre.',
        security: {
          cors: false,
          description: 'Personal API tokens (created on the account page), sent as a Bearer token.',
        },
        resource: fhirResourceTypes.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            { name: '_id', type: 'token' },
            { name: '_count', type: 'number' },
            { name: '_offset', type: 'number' },
            ...participantParams.map((p) => ({ ...p })),
          ],
        })),
      },
    ],
  };
}
