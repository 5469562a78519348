// Include a participant: the checklist is built from the trial definition, the eligibility verdict is
// computed live by the domain function the server runs again, and the server's refusals land on the
// fields they concern. On success the study ID is shown with the next steps.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  can,
  evaluateEligibility,
  inclusionInput,
  type Criterion,
  type TrialDefinition,
} from '@trialdesk/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { CriterionRow } from './criterion-row';
import { DateField } from '../../components/date-field';
import { EligibilitySummary } from './eligibility-summary';
import {
  checkWith,
  combine,
  hasErrors,
  messageFor,
  serverFields,
  unplacedMessages,
  type FieldErrors,
} from './field-errors';
import {
  eligibilityInputOf,
  emptyInclusion,
  inclusionInputOf,
  needsLabDate,
  type InclusionFormValues,
} from './inclusion-form-state';
import { messages } from './messages';
import { TargetSetting } from './target-setting';

export default function InclusionPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const user = useSession();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const overview = useQuery(trpc.overview.get.queryOptions({ trialId }));
  if (trial.isPending || overview.isPending) return <PageLoader />;
  if (trial.isError) return <PageError error={trial.error} onRetry={() => void trial.refetch()} />;
  if (overview.isError) return <PageError error={overview.error} onRetry={() => void overview.refetch()} />;
  const def = trial.data.definition;
  const { included, target } = overview.data.inclusion;
  return (
    <>
      <PageHeader
        title={t('includeTitle')}
        subtitle={t('includeSubtitle', { code: def.code, included, target })}
        actions={
          trial.data.synthetic ? (
            <Badge color="grape" variant="light">
              {t('synthetic')}
            </Badge>
          ) : null
        }
      />
      <Stack gap="lg">
        {included >= target ? (
          <Alert color="orange" role="alert">
            <Stack gap="sm">
              {t('targetReached', { target })}
              {can(user.role, 'trial:configure') ? <TargetSetting trialId={trialId} target={target} /> : null}
            </Stack>
          </Alert>
        ) : null}
        <InclusionForm key={trialId} trialId={trialId} def={def} />
      </Stack>
    </>
  );
}

function InclusionForm({ trialId, def }: { trialId: string; def: TrialDefinition }) {
  const t = useT(messages);
  const { lang } = useLang();
  const user = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choosesCentre = user.centre === null;
  const [values, setValues] = useState<InclusionFormValues>(() => emptyInclusion(user.centre));
  const [local, setLocal] = useState<FieldErrors>({});
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
  const evaluation = useMemo(() => evaluateEligibility(def, eligibilityInputOf(values)), [def, values]);
  const errors = combine(local, serverFields(include.error));
  const set = (changes: Partial<InclusionFormValues>) => setValues((v) => ({ ...v, ...changes }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = inclusionInputOf(trialId, def, values, choosesCentre);
    // Missing and implausible items in the words of the eligibility rules, else the schema's words;
    // ineligibility itself is the server's refusal to give, so that its message is the one on record.
    const problems: Record<string, string[]> = {};
    for (const e2 of evaluation.inputErrors) (problems[e2.field] ??= []).push(e2.message[lang]);
    for (const [k, m] of Object.entries(checkWith(inclusionInput, input, lang)))
      if (!problems[k] && !Object.keys(problems).some((p) => p.startsWith(`${k}.`))) problems[k] = [...m];
    if (choosesCentre && !values.centre) (problems.centre ??= []).push(t('chooseCentre'));
    setLocal(problems);
    if (hasErrors(problems)) return;
    include.mutate(input);
  };

  if (include.isSuccess)
    return (
      <Alert color="teal" title={t('includedTitle', { studyId: include.data.studyId })} role="status">
        <Stack gap="sm">
          {t('includedText', { number: include.data.screeningNumber })}
          <Group gap="md">
            <Anchor component={Link} to={trialPath(trialId, `participants/${include.data.studyId}`)}>
              {t('openParticipant')}
            </Anchor>
            <Anchor component={Link} to={trialPath(trialId, `participants/${include.data.studyId}/record`)}>
              {t('recordData')}
            </Anchor>
            <Button
              variant="subtle"
              onClick={() => {
                include.reset();
                setValues(emptyInclusion(user.centre));
              }}
            >
              {t('includeAnother')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );

  const criterionRow = (group: 'inclusion' | 'exclusion') => (c: Criterion) => (
    <CriterionRow
      key={c.id}
      criterion={c}
      group={group}
      status={evaluation.criteria[c.id]}
      answer={values.answers[c.id]}
      measure={values.measures[c.id]}
      onAnswer={(a) => set({ answers: { ...values.answers, [c.id]: a } })}
      onMeasure={(m) => set({ measures: { ...values.measures, [c.id]: m } })}
      error={messageFor(errors, c.kind === 'confirm' ? `answers.${c.id}` : `measures.${c.id}.value`)}
      ulnError={messageFor(errors, `measures.${c.id}.uln`)}
    />
  );
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
  const general = unplacedMessages(errors, placed);
  return (
    <form onSubmit={submit} noValidate aria-label={t('includeTitle')}>
      <Stack gap="lg">
        {include.isError && !hasErrors(serverFields(include.error)) ? (
          <Alert color="red" role="alert">
            {describeError(include.error, lang)}
          </Alert>
        ) : null}
        {include.isError && hasErrors(serverFields(include.error)) ? (
          <Alert color="red" role="alert">
            {include.error.message}
          </Alert>
        ) : hasErrors(local) ? (
          <Alert color="orange" role="alert">
            {t('formHasErrors')}
          </Alert>
        ) : null}
        {general.map((m) => (
          <Alert key={m} color="red" role="alert">
            {m}
          </Alert>
        ))}
        <Section title={t('datesTitle')}>
          <Group gap="lg" align="flex-start" wrap="wrap">
            {choosesCentre ? (
              <Select
                label={t('centre')}
                placeholder={t('chooseCentre')}
                data={def.centres.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
                value={values.centre || null}
                onChange={(v) => set({ centre: v ?? '' })}
                error={messageFor(errors, 'centre')}
                required
                w={{ base: '100%', sm: 280 }}
              />
            ) : null}
            <DateField
              label={t('inclusionDate')}
              value={values.inclusionDate}
              onChange={(inclusionDate) => set({ inclusionDate })}
              error={messageFor(errors, 'inclusionDate')}
              required
            />
            <DateField
              label={t('consentDate')}
              value={values.consentDate}
              onChange={(consentDate) => set({ consentDate })}
              error={messageFor(errors, 'consentDate')}
              required
            />
            {needsLabDate(def) ? (
              <DateField
                label={t('labDate')}
                description={t('labDateHint', { days: def.eligibility.labWindowDays })}
                value={values.labDate}
                onChange={(labDate) => set({ labDate })}
                error={messageFor(errors, 'labDate')}
                required
              />
            ) : null}
            <Radio.Group
              label={t('sex')}
              value={values.sex}
              onChange={(v) => set({ sex: v })}
              error={messageFor(errors, 'sex')}
              required
            >
              <Group gap="lg" mt={8}>
                <Radio value="female" label={t('sex_female')} />
                <Radio value="male" label={t('sex_male')} />
              </Group>
            </Radio.Group>
          </Group>
        </Section>
        <Section title={t('inclusionCriteria')} description={t('inclusionCriteriaHint')}>
          <Stack gap={0}>{def.eligibility.inclusion.map(criterionRow('inclusion'))}</Stack>
        </Section>
        {def.eligibility.exclusion.length > 0 ? (
          <Section title={t('exclusionCriteria')} description={t('exclusionCriteriaHint')}>
            <Stack gap={0}>{def.eligibility.exclusion.map(criterionRow('exclusion'))}</Stack>
          </Section>
        ) : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('eligibilityTitle')}
            </Title>
            <EligibilitySummary result={evaluation} />
            <TextInput
              label={t('screeningNumber')}
              description={t('screeningNumberHint')}
              placeholder="SCR-EMC-014"
              value={values.screeningNumber}
              onChange={(e) => set({ screeningNumber: e.currentTarget.value })}
              error={messageFor(errors, 'screeningNumber')}
              w={{ base: '100%', sm: 320 }}
            />
            <Group>
              <Button type="submit" size="md" loading={include.isPending}>
                {t('includeButton')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
