// A scheduled assessment recorded as done (date, CEA, imaging) or missed (reason). A date outside the
// window is accepted; the server reports it back as a protocol deviation.
import { Group, Radio, Select, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { assessmentInput, imagingResults } from '@trialdesk/domain';
import { clinical } from '../../components/clinical/messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { ParticipantDetail } from '../participants/types';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { numberOrNull } from './field-errors';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';
import { DecimalInput } from '../../components/decimal-input';

const OPEN = new Set(['due', 'overdue', 'upcoming']);

export function AssessmentDialog({
  trialId,
  detail,
  onClose,
  onDone,
}: EntryDialogProps & { detail: ParticipantDetail }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const open = detail.slots.filter((s) => OPEN.has(s.state));
  const save = useMutation(
    trpc.entry.assessments.record.mutationOptions({
      onSuccess: (r) => {
        done(r.deviation ? `${t('saved')} ${r.deviation}` : t('saved'), r.deviation !== null);
      },
    }),
  );
  const form = useEntryForm(assessmentInput, save, {
    initial: {
      month: open[0] ? String(open[0].month) : '',
      status: 'done',
      date: '',
      cea: '' as number | string,
      imaging: 'no_recurrence' as (typeof imagingResults)[number],
      reason: '',
    },
    toInput: (v) => ({
      trialId,
      studyId: detail.participant.studyId,
      month: Number(v.month),
      result:
        v.status === 'done'
          ? {
              status: 'done' as const,
              performedDate: v.date,
              cea: numberOrNull(v.cea),
              imagingResult: v.imaging,
            }
          : { status: 'missed' as const, reason: v.reason.trim() },
    }),
  });
  const { values: v, set, message } = form;
  if (open.length === 0)
    return (
      <EntryDialog
        title={t('recordAssessment')}
        onClose={onClose}
        form={{ submit: onClose, pending: false, error: null, errors: {} }}
        placed={[]}
      >
        <Text size="sm">{t('noOpenSlots')}</Text>
      </EntryDialog>
    );
  return (
    <EntryDialog title={t('recordAssessment')} onClose={onClose} form={form} placed={['month', 'result']}>
      <Select
        label={t('slot')}
        data={open.map((s) => ({
          value: String(s.month),
          label: t('slotOption', { month: s.month, due: f.date(s.dueDate), state: tk(`state_${s.state}`) }),
        }))}
        value={v.month}
        onChange={(month) => set({ month: month ?? v.month })}
        allowDeselect={false}
        error={message('month')}
      />
      <Radio.Group label={t('assessmentStatus')} value={v.status} onChange={(status) => set({ status })}>
        <Group gap="lg" mt={4}>
          <Radio value="done" label={t('status_done')} />
          <Radio value="missed" label={t('status_missed')} />
        </Group>
      </Radio.Group>
      {v.status === 'done' ? (
        <>
          <DateField label={t('performedDate')} {...form.field('date', 'result.performedDate')} required />
          <DecimalInput label={t('cea')} {...form.field('cea', 'result.cea')} w={200} />
          <Select
            label={t('imaging')}
            data={imagingResults.map((r) => ({ value: r, label: t(`imaging_${r}`) }))}
            value={v.imaging}
            onChange={(imaging) => set({ imaging: imaging ?? v.imaging })}
            allowDeselect={false}
            error={message('result.imagingResult')}
          />
        </>
      ) : (
        <Textarea
          label={t('missedReason')}
          value={v.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          error={message('result.reason')}
          required
          autosize
          minRows={2}
        />
      )}
    </EntryDialog>
  );
}
