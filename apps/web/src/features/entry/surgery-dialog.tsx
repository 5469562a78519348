// Surgery and pump placement (or why the pump was not placed).
import { Radio, Group, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { surgeryInput } from '@trialdesk/domain';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

export function SurgeryDialog({ trialId, studyId, onClose, onDone }: EntryDialogProps & { studyId: string }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const save = useMutation(
    trpc.entry.surgery.record.mutationOptions({
      onSuccess: () => done(t('saved')),
    }),
  );
  const form = useEntryForm(surgeryInput, save, {
    initial: { surgeryDate: '', placed: 'yes', pumpDate: '', reason: '' },
    toInput: (v) => ({
      trialId,
      studyId,
      surgeryDate: v.surgeryDate,
      pump:
        v.placed === 'yes'
          ? { placed: true as const, date: v.pumpDate }
          : { placed: false as const, reason: v.reason.trim() },
    }),
  });
  const { values: v, set, message } = form;
  return (
    <EntryDialog title={t('recordSurgery')} onClose={onClose} form={form} placed={['surgeryDate', 'pump']}>
      <DateField label={t('surgeryDate')} {...form.field('surgeryDate')} required />
      <Radio.Group label={t('pumpPlaced')} value={v.placed} onChange={(placed) => set({ placed })}>
        <Group gap="lg" mt={4}>
          <Radio value="yes" label={t('yes')} />
          <Radio value="no" label={t('no')} />
        </Group>
      </Radio.Group>
      {v.placed === 'yes' ? (
        <DateField label={t('pumpDate')} {...form.field('pumpDate', 'pump')} required />
      ) : (
        <Textarea
          label={t('pumpReason')}
          value={v.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          error={message('pump')}
          required
          autosize
          minRows={2}
        />
      )}
    </EntryDialog>
  );
}
