// Include a participant: the checklist is built from the trial definition, the eligibility verdict is
// computed live by the domain function the server runs again, and the server's refusals land on the
// fields they concern. On success the study ID is shown with the next steps.
import { Alert, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluateEligibility, inclusionInput, type TrialDefinition } from '@trialdesk/domain';
import { useMemo } from 'react';
import { useSession } from '../../app/session';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { hasErrors, serverFields, unplacedMessages } from './field-errors';
import { FormAlerts } from './form-alerts';
import { eligibilityInputOf, emptyInclusion, inclusionInputOf } from './inclusion-form-state';
import { CriteriaSections, DatesSection, EligibilityPanel, IncludedNotice } from './inclusion-sections';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

const placed = [
  'centre',
  'inclusionDate',
  'consentDate',
  'labDate',
  'sex',
  'age',
  'screeningNumber',
  'answers',
  'measures',
];

export function InclusionForm({ trialId, def }: { trialId: string; def: TrialDefinition }) {
  const t = useT(messages);
  const { lang } = useLang();
  const user = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choosesCentre = user.centre === null;
  const include = useMutation(
    trpc.entry.inclusion.include.mutationOptions({
      onSuccess: () => {
        for (const filter of [
          trpc.overview.pathFilter(),
          trpc.participants.pathFilter(),
          trpc.entry.pathFilter(),
        ])
          void queryClient.invalidateQueries(filter);
      },
    }),
  );
  const form = useEntryForm(inclusionInput, include, {
    initial: () => emptyInclusion(user.centre),
    toInput: (values) => inclusionInputOf(trialId, def, values, choosesCentre),
    // Missing and implausible items in the words of the eligibility rules, else the schema's words;
    // ineligibility itself is the server's refusal to give, so that its message is the one on record.
    precheck: (values) => {
      const problems: Record<string, string[]> = {};
      for (const e of evaluateEligibility(def, eligibilityInputOf(values)).inputErrors)
        (problems[e.field] ??= []).push(e.message[lang]);
      if (choosesCentre && !values.centre) (problems.centre ??= []).push(t('chooseCentre'));
      return problems;
    },
  });
  const { values, errors } = form;
  const evaluation = useMemo(() => evaluateEligibility(def, eligibilityInputOf(values)), [def, values]);

  if (include.isSuccess)
    return (
      <IncludedNotice
        trialId={trialId}
        result={include.data}
        onAnother={() => {
          include.reset();
          form.setValues(emptyInclusion(user.centre));
        }}
      />
    );

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('includeTitle')}>
      <Stack gap="lg">
        <FormAlerts error={include.error} general={unplacedMessages(errors, placed)}>
          {include.isError && hasErrors(serverFields(include.error)) ? (
            <Alert color="red" role="alert">
              {include.error.message}
            </Alert>
          ) : hasErrors(form.local) ? (
            <Alert color="orange" role="alert">
              {t('formHasErrors')}
            </Alert>
          ) : null}
        </FormAlerts>
        <DatesSection def={def} form={form} choosesCentre={choosesCentre} />
        <CriteriaSections def={def} form={form} evaluation={evaluation} />
        <EligibilityPanel form={form} evaluation={evaluation} />
      </Stack>
    </form>
  );
}
