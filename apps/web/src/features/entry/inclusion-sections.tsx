// The parts of the inclusion form: dates and sex, the inclusion and exclusion checklists, the live
// verdict with the screening number and the button, and the notice shown once the participant is in.
import { Alert, Anchor, Button, Group, Paper, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import {
  needsLabDate,
  type Criterion,
  type EligibilityResult,
  type TrialDefinition,
} from '@trialdesk/domain';
import { Link } from 'react-router';
import { trialPath } from '../../app/trial';
import { DateField } from '../../components/date-field';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { CriterionRow } from './criterion-row';
import { EligibilitySummary } from './eligibility-summary';
import type { InclusionFormValues } from './inclusion-form-state';
import { messages } from './messages';
import type { EntryForm } from './use-entry-form';

type Form = EntryForm<InclusionFormValues>;

export function DatesSection({
  def,
  form,
  choosesCentre,
}: {
  def: TrialDefinition;
  form: Form;
  choosesCentre: boolean;
}) {
  const t = useT(messages);
  const { values, set, message } = form;
  return (
    <Section title={t('datesTitle')}>
      <Group gap="lg" align="flex-start" wrap="wrap">
        {choosesCentre ? (
          <Select
            label={t('centre')}
            placeholder={t('chooseCentre')}
            data={def.centres.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
            value={values.centre || null}
            onChange={(v) => set({ centre: v ?? '' })}
            error={message('centre')}
            required
            w={{ base: '100%', sm: 280 }}
          />
        ) : null}
        <DateField label={t('inclusionDate')} {...form.field('inclusionDate')} required />
        <DateField label={t('consentDate')} {...form.field('consentDate')} required />
        {needsLabDate(def) ? (
          <DateField
            label={t('labDate')}
            description={t('labDateHint', { days: def.eligibility.labWindowDays })}
            {...form.field('labDate')}
            required
          />
        ) : null}
        <Radio.Group
          label={t('sex')}
          value={values.sex}
          onChange={(v) => set({ sex: v })}
          error={message('sex')}
          required
        >
          <Group gap="lg" mt={8}>
            <Radio value="female" label={t('sex_female')} />
            <Radio value="male" label={t('sex_male')} />
          </Group>
        </Radio.Group>
      </Group>
    </Section>
  );
}

export function CriteriaSections({
  def,
  form,
  evaluation,
}: {
  def: TrialDefinition;
  form: Form;
  evaluation: EligibilityResult;
}) {
  const t = useT(messages);
  const { values, set, message } = form;
  const criterionRow = (group: 'inclusion' | 'exclusion') => (c: Criterion) => (
    <CriterionRow
      key={c.id}
      criterion={c}
      group={group}
      status={evaluation.criteria[c.id]}
      answer={values.answers[c.id]}
      measure={values.measures[c.id]}
      onAnswer={(a) => set((v) => ({ answers: { ...v.answers, [c.id]: a } }))}
      onMeasure={(m) => set((v) => ({ measures: { ...v.measures, [c.id]: m } }))}
      error={message(c.kind === 'confirm' ? `answers.${c.id}` : `measures.${c.id}.value`)}
      ulnError={message(`measures.${c.id}.uln`)}
    />
  );
  return (
    <>
      <Section title={t('inclusionCriteria')} description={t('inclusionCriteriaHint')}>
        <Stack gap={0}>{def.eligibility.inclusion.map(criterionRow('inclusion'))}</Stack>
      </Section>
      {def.eligibility.exclusion.length > 0 ? (
        <Section title={t('exclusionCriteria')} description={t('exclusionCriteriaHint')}>
          <Stack gap={0}>{def.eligibility.exclusion.map(criterionRow('exclusion'))}</Stack>
        </Section>
      ) : null}
    </>
  );
}

export function EligibilityPanel({ form, evaluation }: { form: Form; evaluation: EligibilityResult }) {
  const t = useT(messages);
  return (
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
          value={form.values.screeningNumber}
          onChange={(e) => form.set({ screeningNumber: e.currentTarget.value })}
          error={form.message('screeningNumber')}
          w={{ base: '100%', sm: 320 }}
        />
        <Group>
          <Button type="submit" size="md" loading={form.pending}>
            {t('includeButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function IncludedNotice({
  trialId,
  result,
  onAnother,
}: {
  trialId: string;
  result: { studyId: string; screeningNumber: string };
  onAnother: () => void;
}) {
  const t = useT(messages);
  return (
    <Alert color="teal" title={t('includedTitle', { studyId: result.studyId })} role="status">
      <Stack gap="sm">
        {t('includedText', { number: result.screeningNumber })}
        <Group gap="md">
          <Anchor component={Link} to={trialPath(trialId, `participants/${result.studyId}`)}>
            {t('openParticipant')}
          </Anchor>
          <Anchor component={Link} to={trialPath(trialId, `participants/${result.studyId}/record`)}>
            {t('recordData')}
          </Anchor>
          <Button variant="subtle" onClick={onAnother}>
            {t('includeAnother')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
