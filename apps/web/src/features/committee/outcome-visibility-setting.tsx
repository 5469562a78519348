// Who sees efficacy outcomes before the primary analysis: every role reads the trial's setting here; an
// administrator changes it (or records the primary analysis as released) with a reason, audited.
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, roles, type OutcomeVisibility, type Role } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { roleLabelKey } from '../../app/layout/role-label';
import { useSession } from '../../app/session';
import { DateField } from '../../components/date-field';
import { Section } from '../../components/section';
import { common } from '../../i18n/common-messages';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

function SettingForm({ trialId, current }: { trialId: string; current: OutcomeVisibility }) {
  const t = useT(messages);
  const tc = useT(common);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([...current.rolesBeforePrimaryAnalysis]);
  const [released, setReleased] = useState(current.primaryAnalysisReleased ?? '');
  const [reason, setReason] = useState('');
  const save = useMutation(
    trpc.trials.setOutcomeVisibility.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries(trpc.trials.pathFilter());
        void qc.invalidateQueries(trpc.committee.pathFilter());
      },
    }),
  );
  const fields = apiErrorData(save.error)?.fields ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      trialId,
      rolesBeforePrimaryAnalysis: chosen as Role[],
      primaryAnalysisReleased: released === '' ? null : released,
      reason,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('visibilityChange')}>
      <Stack gap="sm">
        <Checkbox.Group
          label={t('visibilityRoles')}
          value={chosen}
          onChange={setChosen}
          error={fields.rolesBeforePrimaryAnalysis?.join(' ')}
        >
          <Group gap="md" mt={4}>
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={tc(roleLabelKey[r])} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group align="flex-end" wrap="wrap">
          <DateField
            label={t('visibilityReleased')}
            description={t('visibilityReleasedHint')}
            value={released}
            onChange={setReleased}
            error={fields.primaryAnalysisReleased?.join(' ')}
          />
          <TextInput
            label={t('reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fields.reason?.join(' ')}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('visibilityChange')}
          </Button>
        </Group>
        {save.isError && Object.keys(fields).length === 0 ? (
          <Alert color="red" role="alert">
            {describeError(save.error, lang)}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {t('visibilitySaved')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

export function OutcomeVisibilitySetting({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const user = useSession();
  const trpc = useTRPC();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  if (!trial.data) return null;
  const v = trial.data.definition.outcomeVisibility;
  return (
    <Section title={t('visibilityTitle')} description={t('visibilityHint')}>
      <Stack gap="xs" data-testid="outcome-visibility">
        <Text size="sm">
          {v.primaryAnalysisReleased
            ? t('visibilityOpenAll', { date: f.date(v.primaryAnalysisReleased) })
            : t('visibilityClosedTo', {
                roles: v.rolesBeforePrimaryAnalysis.map((r) => tc(roleLabelKey[r])).join(', ') || '–',
              })}
        </Text>
        {can(user.role, 'trial:configure') ? (
          // Keyed by the stored setting so the form starts again from it after a change.
          <SettingForm key={JSON.stringify(v)} trialId={trialId} current={v} />
        ) : null}
      </Stack>
    </Section>
  );
}
