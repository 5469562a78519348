// A pump visit: the next cycle in order, with its planned date, the fill and empty dates, the measured
// flow and returned volume, the dose, and any modification with its reason.
import { Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { cycleInput, cycleModifications } from '@trialdesk/domain';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { ParticipantDetail } from '../participants/types';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { numberOrNull, textOrNull } from './field-errors';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';
import { DecimalInput } from '../../components/decimal-input';

/** The lowest cycle without a current record: cycles are recorded in order. */
export function nextCycleNumber(detail: ParticipantDetail): number {
  const given = new Set(detail.cycles.filter((c) => c.voided === null).map((c) => c.cycle));
  let n = 1;
  while (given.has(n)) n += 1;
  return n;
}

export function CycleDialog({
  trialId,
  detail,
  onClose,
  onDone,
}: EntryDialogProps & { detail: ParticipantDetail }) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const cycle = nextCycleNumber(detail);
  const planned = detail.plannedCycles.find((c) => c.cycle === cycle)?.plannedDate ?? null;
  const save = useMutation(
    trpc.entry.cycles.record.mutationOptions({
      onSuccess: (r) => {
        // The deviation (if any) and when the next visit is planned: one cycle after this day 1.
        const next = r.nextPlannedDate
          ? t('cyclePlanned', { cycle: cycle + 1, date: f.date(r.nextPlannedDate) })
          : null;
        const text = [t('saved'), r.deviation, next].filter(Boolean).join(' ');
        done(text, r.deviation !== null);
      },
    }),
  );
  const form = useEntryForm(cycleInput, save, {
    initial: {
      cycleDate: '',
      emptyDate: '',
      flow: '' as number | string,
      returned: '' as number | string,
      dose: '' as number | string,
      modification: 'none' as (typeof cycleModifications)[number],
      reason: '',
    },
    toInput: (v) => ({
      trialId,
      studyId: detail.participant.studyId,
      cycle,
      cycleDate: v.cycleDate,
      emptyDate: v.emptyDate || null,
      flowRateMlDay: numberOrNull(v.flow),
      returnedVolumeMl: numberOrNull(v.returned),
      doseMg: numberOrNull(v.dose),
      modification: v.modification,
      modificationReason: textOrNull(v.reason),
    }),
  });
  const { values: v, set, message } = form;
  const placed = [
    'cycle',
    'cycleDate',
    'emptyDate',
    'flowRateMlDay',
    'returnedVolumeMl',
    'doseMg',
    'modification',
    'modificationReason',
  ];
  return (
    <EntryDialog
      title={`${t('recordCycle')} · ${t('cycle')} ${cycle}`}
      onClose={onClose}
      form={form}
      placed={placed}
    >
      {planned ? <Text size="sm">{t('cyclePlanned', { cycle, date: f.date(planned) })}</Text> : null}
      {message('cycle') ? (
        <Text size="sm" c="red" role="alert">
          {message('cycle')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('cycleDate')} {...form.field('cycleDate')} required />
        <DateField label={t('emptyDate')} {...form.field('emptyDate')} />
        <DecimalInput label={t('flowRate')} {...form.field('flow', 'flowRateMlDay')} />
        <DecimalInput label={t('returnedVolume')} {...form.field('returned', 'returnedVolumeMl')} />
        <DecimalInput label={t('dose')} {...form.field('dose', 'doseMg')} />
        <Select
          label={t('modification')}
          data={cycleModifications.map((m) => ({ value: m, label: t(`modification_${m}`) }))}
          value={v.modification}
          onChange={(m) => set({ modification: m ?? 'none' })}
          allowDeselect={false}
          error={message('modification')}
        />
      </SimpleGrid>
      {v.modification !== 'none' ? (
        <Textarea
          label={t('modificationReason')}
          value={v.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          error={message('modificationReason')}
          required
          autosize
          minRows={2}
        />
      ) : null}
    </EntryDialog>
  );
}
