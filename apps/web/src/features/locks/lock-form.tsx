// Locking with a reason: the whole trial (no targets given) or, on a participant's page, the participant
// or one of their visits, assessments or events.
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lockInput } from '@trialdesk/domain';
import { useState } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useEntryForm } from '../entry/use-entry-form';
import type { LockedRecordType } from './lock-words';
import { messages } from './messages';

export interface LockTargetOption {
  value: string;
  label: string;
  record?: { type: LockedRecordType; id: number };
}

export function LockForm({
  trialId,
  studyId,
  targets = [],
}: {
  trialId: string;
  studyId?: string;
  targets?: readonly LockTargetOption[];
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [done, setDone] = useState<number | null>(null);
  const lock = useMutation(
    trpc.locks.lock.mutationOptions({
      onSuccess: (r) => {
        setDone(r.lockId);
        void qc.invalidateQueries(trpc.locks.pathFilter());
      },
    }),
  );
  const first = targets[0]?.value ?? 'trial';
  const form = useEntryForm(lockInput, lock, {
    initial: { target: first, reason: '' },
    toInput: ({ target, reason }) => {
      const record = targets.find((o) => o.value === target)?.record;
      return {
        trialId,
        reason,
        ...(studyId === undefined ? {} : { studyId }),
        ...(record ? { recordType: record.type, recordId: record.id } : {}),
      };
    },
    afterSuccess: (v) => ({ ...v, reason: '' }),
  });
  const whole = studyId === undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        setDone(null);
        form.submit(e);
      }}
      aria-label={whole ? t('lockTrialTitle') : t('lockTitle')}
    >
      <Stack gap="xs">
        {whole ? (
          <Text size="sm" c="dimmed">
            {t('lockTrialHelp')}
          </Text>
        ) : (
          <>
            <Text fw={600} size="sm">
              {t('lockTitle')}
            </Text>
            <Select
              label={t('lockWhat')}
              data={targets.map(({ value, label }) => ({ value, label }))}
              value={form.values.target}
              onChange={(v) => form.set({ target: v ?? first })}
              allowDeselect={false}
              error={form.message('recordId')}
              maw={420}
            />
          </>
        )}
        <Textarea
          label={t('lockReason')}
          placeholder={t('lockReasonPlaceholder')}
          value={form.values.reason}
          onChange={(e) => form.set({ reason: e.currentTarget.value })}
          error={form.message('reason')}
          autosize
          minRows={2}
          maxLength={500}
        />
        {form.error && !form.message('reason') && !form.message('recordId') ? (
          <Alert color="red" role="alert">
            {describeError(form.error, lang)}
          </Alert>
        ) : null}
        {done !== null ? (
          <Text size="sm" c="teal" role="status">
            {t('locked', { id: String(done) })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" size="xs" color="orange" loading={form.pending}>
            {whole ? t('lockTrialSubmit') : t('lockSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
