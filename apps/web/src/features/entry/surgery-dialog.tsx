// Surgery and pump placement (or why the pump was not placed).
import { Radio, Group, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { surgeryInput } from '@trialdesk/domain';
import { useState } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite } from './entry-dialog';
import { checkWith, combine, hasErrors, messageFor, serverFields, type FieldErrors } from './field-errors';
import { messages } from './messages';

export function SurgeryDialog({
  trialId,
  studyId,
  onClose,
  onDone,
}: {
  trialId: string;
  studyId: string;
  onClose: () => void;
  onDone: (text: string, warning?: boolean) => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const afterWrite = useAfterWrite();
  const [v, setV] = useState({ surgeryDate: '', placed: 'yes', pumpDate: '', reason: '' });
  const [local, setLocal] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.entry.surgery.record.mutationOptions({
      onSuccess: () => {
        afterWrite();
        onDone(t('saved'));
      },
    }),
  );
  const errors = combine(local, serverFields(save.error));
  const submit = () => {
    const input = {
      trialId,
      studyId,
      surgeryDate: v.surgeryDate,
      pump:
        v.placed === 'yes'
          ? { placed: true as const, date: v.pumpDate }
          : { placed: false as const, reason: v.reason.trim() },
    };
    const problems = checkWith(surgeryInput, input, lang);
    setLocal(problems);
    if (!hasErrors(problems)) save.mutate(input);
  };
  return (
    <EntryDialog
      title={t('recordSurgery')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      errors={errors}
      placed={['surgeryDate', 'pump']}
    >
      <DateField
        label={t('surgeryDate')}
        value={v.surgeryDate}
        onChange={(surgeryDate) => setV({ ...v, surgeryDate })}
        error={messageFor(errors, 'surgeryDate')}
        required
      />
      <Radio.Group label={t('pumpPlaced')} value={v.placed} onChange={(placed) => setV({ ...v, placed })}>
        <Group gap="lg" mt={4}>
          <Radio value="yes" label={t('yes')} />
          <Radio value="no" label={t('no')} />
        </Group>
      </Radio.Group>
      {v.placed === 'yes' ? (
        <DateField
          label={t('pumpDate')}
          value={v.pumpDate}
          onChange={(pumpDate) => setV({ ...v, pumpDate })}
          error={messageFor(errors, 'pump')}
          required
        />
      ) : (
        <Textarea
          label={t('pumpReason')}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
          error={messageFor(errors, 'pump')}
          required
          autosize
          minRows={2}
        />
      )}
    </EntryDialog>
  );
}
