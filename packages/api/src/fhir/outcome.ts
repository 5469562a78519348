// FHIR answers that are not resources found: an OperationOutcome with a status, in the caller's language.
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { entryMessage, type EntryMessageKey, type Lang } from '@trialdesk/domain';

export interface FhirAnswer {
  status: number;
  body: { resourceType: string };
  headers?: Record<string, string>;
}

export function outcome(
  status: number,
  code: OperationOutcomeIssue['code'],
  key: EntryMessageKey,
  lang: Lang,
  params?: Record<string, string | number>,
): FhirAnswer {
  const body: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code,
        details: { coding: [{ system: 'urn:trialdesk:message', code: key }] },
        diagnostics: entryMessage(key, lang, params),
      },
    ],
  };
  return {
    status,
    body,
    ...(status === 401 ? { headers: { 'WWW-Authenticate': 'Bearer realm="trialdesk-fhir"' } } : {}),
  };
}
