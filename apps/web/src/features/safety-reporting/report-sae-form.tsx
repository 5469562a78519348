// Reporting an SAE from one event: seriousness criteria, causality to every study intervention of the trial
// definition (and for a related one, expectedness against its reference safety information), the date and
// time (Amsterdam) the site became aware, and a description. Checked with the server's schema; the server's
// refusals (a time in the future, before the event, the hour skipped in March) are shown under the field.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  causalityLevels,
  isRelated,
  reportSaeInput,
  seriousCriteria,
  type Causality,
  type SafetyPlan,
  type SeriousCriterion,
} from '@trialdesk/domain';
import { DateField } from '../../components/date-field';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useEntryForm } from '../entry/use-entry-form';
import { messages } from './messages';

export interface ReportableEvent {
  id: number;
  type: 'complication' | 'death';
  name: string;
}

interface Values {
  criteria: SeriousCriterion[];
  causality: Record<string, Causality | ''>;
  expected: Record<string, 'yes' | 'no' | ''>;
  awareDate: string;
  awareTime: string;
  description: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** '9:30' and '0930' are read as 09:30; anything else is kept as typed (and refused by the check). */
export function normaliseTime(typed: string): string {
  const v = typed.trim().replace('.', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]!}` : v;
}

export function ReportSaeForm({
  trialId,
  studyId,
  event,
  plan,
  onDone,
  onCancel,
}: {
  trialId: string;
  studyId: string;
  event: ReportableEvent;
  plan: SafetyPlan;
  onDone: (result: { saeId: number; onTime: boolean }) => void;
  onCancel: () => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const report = useMutation(
    trpc.safety.reportSae.mutationOptions({
      onSuccess: (r) => {
        void qc.invalidateQueries(trpc.safety.pathFilter());
        onDone(r);
      },
    }),
  );
  const interventions = plan.interventions;
  const form = useEntryForm(reportSaeInput, report, {
    initial: (): Values => ({
      criteria: event.type === 'death' ? ['death'] : [],
      causality: {},
      expected: {},
      awareDate: '',
      awareTime: '',
      description: '',
    }),
    toInput: (v) => ({
      trialId,
      studyId,
      eventId: event.id,
      criteria: v.criteria,
      assessments: interventions.map((i) => {
        const causality = v.causality[i.id] ?? '';
        const expected = v.expected[i.id] ?? '';
        return {
          intervention: i.id,
          causality: causality as Causality,
          expected:
            causality !== '' && isRelated(causality) ? (expected === '' ? null : expected === 'yes') : null,
        };
      }),
      awareAt: v.awareDate === '' ? '' : `${v.awareDate}T${normaliseTime(v.awareTime)}`,
      description: v.description,
    }),
    precheck: (v) => {
      const out: Record<string, string[]> = {};
      interventions.forEach((i, n) => {
        if ((v.causality[i.id] ?? '') === '') out[`assessments.${n}.causality`] = [t('causalityRequired')];
      });
      if (v.awareDate !== '' && !TIME.test(normaliseTime(v.awareTime))) out.awareAt = [t('awareTimeInvalid')];
      return out;
    },
  });
  const v = form.values;
  const placed = ['criteria', 'assessments', 'awareAt', 'description', 'eventId'];
  const unplaced = form.error && placed.every((p) => !form.message(p));
  const title = t('formTitle', { event: event.name });
  return (
    <form noValidate onSubmit={form.submit} aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {event.type === 'death' ? (
          <Alert color="blue" variant="light">
            {t('deathAlways')}
          </Alert>
        ) : null}
        <Checkbox.Group
          label={t('criteria')}
          description={t('criteriaHelp')}
          value={v.criteria}
          onChange={(values) => form.set({ criteria: values })}
          error={form.message('criteria') ?? form.message('eventId')}
        >
          <Stack gap={6} mt={6}>
            {seriousCriteria.map((c) => (
              <Checkbox key={c} value={c} label={t(`criterion_${c}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {interventions.map((i, n) => {
          const causality = v.causality[i.id] ?? '';
          return (
            <Stack key={i.id} gap={6}>
              <Select
                label={t('causalityTo', { name: i.name[lang] })}
                data={causalityLevels.map((c) => ({ value: c, label: t(`causality_${c}`) }))}
                value={causality === '' ? null : causality}
                onChange={(c) => form.set({ causality: { ...v.causality, [i.id]: c ?? '' } })}
                error={
                  form.message(`assessments.${n}.causality`) ?? form.message(`assessments.${n}.intervention`)
                }
                maw={420}
              />
              {causality !== '' && isRelated(causality) ? (
                <Radio.Group
                  label={t('expectedAgainst', { rsi: i.referenceSafetyInformation[lang] })}
                  value={v.expected[i.id] ?? ''}
                  onChange={(e) => form.set({ expected: { ...v.expected, [i.id]: e as 'yes' | 'no' } })}
                  error={form.message(`assessments.${n}.expected`)}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="yes" label={t('expectedYes')} />
                    <Radio value="no" label={t('expectedNo')} />
                  </Group>
                </Radio.Group>
              ) : null}
            </Stack>
          );
        })}
        {form.message('assessments') && !interventions.some((_, n) => form.message(`assessments.${n}`)) ? (
          <Text size="sm" c="red">
            {form.errors.assessments?.join(' ')}
          </Text>
        ) : null}
        <Group gap="md" align="flex-start" wrap="wrap">
          <DateField
            label={t('awareDate')}
            value={v.awareDate}
            onChange={(d) => form.set({ awareDate: d })}
            error={form.message('awareAt')}
            required
          />
          <TextInput
            label={t('awareTime')}
            description={t('awareTimeHelp')}
            placeholder="HH:mm"
            inputMode="numeric"
            value={v.awareTime}
            onChange={(e) => form.set({ awareTime: e.currentTarget.value })}
            error={form.message('awareAt') ? true : undefined}
            w={{ base: '100%', sm: 180 }}
            required
          />
        </Group>
        <Textarea
          label={t('description')}
          description={t('descriptionHelp')}
          value={v.description}
          onChange={(e) => form.set({ description: e.currentTarget.value })}
          error={form.message('description')}
          autosize
          minRows={3}
          maxLength={2000}
          required
        />
        {unplaced ? (
          <Alert color="red" role="alert">
            {describeError(form.error, lang)}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="sm" color="red" loading={form.pending}>
            {t('submit')}
          </Button>
          <Button size="sm" variant="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
