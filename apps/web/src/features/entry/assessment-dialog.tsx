// A scheduled assessment recorded as done (date, CEA, imaging) or missed (reason). A date outside the
// window is accepted; the server reports it back as a protocol deviation.
import { Group, NumberInput, Radio, Select, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { assessmentInput, imagingResults } from '@trialdesk/domain';
import { useState } from 'react';
import { clinical } from '../../components/clinical/messages';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { ParticipantDetail } from '../participants/types';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite } from './entry-dialog';
import {
  checkWith,
  combine,
  hasErrors,
  messageFor,
  numberOrNull,
  serverFields,
  type FieldErrors,
} from './field-errors';
import { messages } from './messages';

const OPEN = new Set(['due', 'overdue', 'upcoming']);

export function AssessmentDialog({
  trialId,
  detail,
  onClose,
  onDone,
}: {
  trialId: string;
  detail: ParticipantDetail;
  onClose: () => void;
  onDone: (text: string, warning?: boolean) => void;
}) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const afterWrite = useAfterWrite();
  const open = detail.slots.filter((s) => OPEN.has(s.state));
  const [v, setV] = useState({
    month: open[0] ? String(open[0].month) : '',
    status: 'done',
    date: '',
    cea: '' as number | string,
    imaging: 'no_recurrence' as (typeof imagingResults)[number],
    reason: '',
  });
  const [local, setLocal] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.entry.assessments.record.mutationOptions({
      onSuccess: (r) => {
        afterWrite();
        onDone(r.deviation ? `${t('saved')} ${r.deviation}` : t('saved'), r.deviation !== null);
      },
    }),
  );
  const errors = combine(local, serverFields(save.error));
  const submit = () => {
    const input = {
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
    };
    const problems = checkWith(assessmentInput, input, lang);
    setLocal(problems);
    if (!hasErrors(problems)) save.mutate(input);
  };
  if (open.length === 0)
    return (
      <EntryDialog
        title={t('recordAssessment')}
        onClose={onClose}
        onSubmit={onClose}
        pending={false}
        error={null}
        errors={{}}
        placed={[]}
      >
        <Text size="sm">{t('noOpenSlots')}</Text>
      </EntryDialog>
    );
  return (
    <EntryDialog
      title={t('recordAssessment')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      errors={errors}
      placed={['month', 'result']}
    >
      <Select
        label={t('slot')}
        data={open.map((s) => ({
          value: String(s.month),
          label: t('slotOption', { month: s.month, due: f.date(s.dueDate), state: tk(`state_${s.state}`) }),
        }))}
        value={v.month}
        onChange={(month) => setV({ ...v, month: month ?? v.month })}
        allowDeselect={false}
        error={messageFor(errors, 'month')}
      />
      <Radio.Group
        label={t('assessmentStatus')}
        value={v.status}
        onChange={(status) => setV({ ...v, status })}
      >
        <Group gap="lg" mt={4}>
          <Radio value="done" label={t('status_done')} />
          <Radio value="missed" label={t('status_missed')} />
        </Group>
      </Radio.Group>
      {v.status === 'done' ? (
        <>
          <DateField
            label={t('performedDate')}
            value={v.date}
            onChange={(date) => setV({ ...v, date })}
            error={messageFor(errors, 'result.performedDate')}
            required
          />
          <NumberInput
            label={t('cea')}
            value={v.cea}
            onChange={(cea) => setV({ ...v, cea })}
            decimalSeparator={lang === 'nl' ? ',' : '.'}
            hideControls
            error={messageFor(errors, 'result.cea')}
            w={200}
          />
          <Select
            label={t('imaging')}
            data={imagingResults.map((r) => ({ value: r, label: t(`imaging_${r}`) }))}
            value={v.imaging}
            onChange={(imaging) => setV({ ...v, imaging: imaging ?? v.imaging })}
            allowDeselect={false}
            error={messageFor(errors, 'result.imagingResult')}
          />
        </>
      ) : (
        <Textarea
          label={t('missedReason')}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
          error={messageFor(errors, 'result.reason')}
          required
          autosize
          minRows={2}
        />
      )}
    </EntryDialog>
  );
}
