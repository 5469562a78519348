// Log a screened candidate: date, outcome, and the outcome's companions (failing criteria for "not
// eligible", a reason for "other"). The server assigns the pseudonymous screening number.
import { Alert, Button, Group, MultiSelect, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loggableScreeningOutcomes, screeningInput, type TrialDefinition } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { criterionGroups } from './criteria';
import { DateField } from '../../components/date-field';
import { textOrNull, unplacedMessages } from './field-errors';
import { FormAlerts } from './form-alerts';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

export function ScreeningForm({ trialId, def }: { trialId: string; def: TrialDefinition }) {
  const t = useT(messages);
  const { lang } = useLang();
  const user = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const log = useMutation(
    trpc.entry.screening.record.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.entry.screening.pathFilter()),
    }),
  );
  const form = useEntryForm(screeningInput, log, {
    initial: {
      centre: user.centre ?? '',
      screeningDate: '',
      outcome: 'not_eligible' as (typeof loggableScreeningOutcomes)[number],
      failedCriteria: [] as string[],
      reason: '',
    },
    toInput: (values) => ({
      trialId,
      ...(user.centre ? {} : { centre: values.centre || undefined }),
      screeningDate: values.screeningDate,
      outcome: values.outcome,
      failedCriteria: values.outcome === 'not_eligible' ? values.failedCriteria : [],
      reason: textOrNull(values.reason),
    }),
    // The log stays open for the next candidate, with the same centre and outcome.
    afterSuccess: (v) => ({ ...v, screeningDate: '', failedCriteria: [], reason: '' }),
  });
  const { values, set, errors, message } = form;
  const general = unplacedMessages(errors, [
    'centre',
    'screeningDate',
    'outcome',
    'failedCriteria',
    'reason',
  ]);
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('logTitle')}>
      <Stack gap="sm">
        {log.isSuccess ? (
          <Alert color="teal" role="status">
            {t('logged', { number: log.data.screeningNumber })}
          </Alert>
        ) : null}
        <FormAlerts error={general.length === 0 ? log.error : null} general={general} />
        {user.centre ? null : (
          <Select
            label={t('centre')}
            placeholder={t('chooseCentre')}
            data={def.centres.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
            value={values.centre || null}
            onChange={(v) => set({ centre: v ?? '' })}
            error={message('centre')}
            required
          />
        )}
        <DateField label={t('screeningDate')} {...form.field('screeningDate')} required />
        <Radio.Group
          label={t('outcome')}
          value={values.outcome}
          onChange={(v) => set({ outcome: v })}
          error={message('outcome')}
          description={t('outcomeIncludeHint')}
          required
        >
          <Group gap="md" mt={4}>
            {loggableScreeningOutcomes.map((o) => (
              <Radio key={o} value={o} label={t(`outcome_${o}`)} />
            ))}
          </Group>
        </Radio.Group>
        {values.outcome === 'not_eligible' ? (
          <MultiSelect
            label={t('failedCriteria')}
            description={t('failedCriteriaHint')}
            data={criterionGroups(def, lang)}
            {...form.field('failedCriteria')}
            searchable
            required
          />
        ) : null}
        {values.outcome === 'declined' || values.outcome === 'other' ? (
          <Textarea
            label={t('reason')}
            value={values.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={message('reason')}
            required={values.outcome === 'other'}
            autosize
            minRows={2}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={form.pending}>
            {t('logButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
