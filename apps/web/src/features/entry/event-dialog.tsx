// A clinical event: recurrence (site), death (cause), complication (term, category, grade on its scale,
// HAIP-related, onset and resolution), withdrawal or loss to follow-up (reason).
import { Checkbox, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import {
  complicationCategories,
  eventInput,
  gradeScales,
  gradesOf,
  recurrenceSites,
} from '@trialdesk/domain';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { DateField } from '../../components/date-field';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { textOrNull } from './field-errors';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

const eventTypes = ['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up'] as const;
type EventType = (typeof eventTypes)[number];

interface EventValues {
  type: EventType;
  date: string;
  site: (typeof recurrenceSites)[number];
  text: string;
  category: (typeof complicationCategories)[number];
  scale: (typeof gradeScales)[number];
  grade: string;
  haip: boolean;
  resolution: string;
}

const emptyEvent: EventValues = {
  type: 'recurrence',
  date: '',
  site: 'hepatic',
  text: '',
  category: 'surgical',
  scale: 'clavien_dindo',
  grade: '',
  haip: false,
  resolution: '',
};

/** The event as the schema takes it: only the fields of the chosen type. */
function eventOf(v: EventValues) {
  const text = v.text.trim();
  switch (v.type) {
    case 'recurrence':
      return { type: v.type, date: v.date, site: v.site };
    case 'death':
      return { type: v.type, date: v.date, cause: text };
    case 'complication':
      return {
        type: v.type,
        date: v.date,
        term: text,
        category: v.category,
        gradeScale: v.scale,
        grade: v.grade,
        haipRelated: v.haip,
        resolutionDate: textOrNull(v.resolution),
      };
    case 'withdrawal':
    case 'lost_to_follow_up':
      return { type: v.type, date: v.date, reason: text };
  }
}

export function EventDialog({ trialId, studyId, onClose, onDone }: EntryDialogProps & { studyId: string }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const save = useMutation(
    trpc.entry.events.record.mutationOptions({
      onSuccess: () => done(t('saved')),
    }),
  );
  const form = useEntryForm(eventInput, save, {
    initial: emptyEvent,
    toInput: (v) => ({ trialId, studyId, event: eventOf(v) }),
  });
  const { values: v, set } = form;
  const textLabel = v.type === 'death' ? t('cause') : v.type === 'complication' ? t('term') : t('reason');
  const err = (name: string) => form.message(`event.${name}`);
  return (
    <EntryDialog title={t('recordEvent')} onClose={onClose} form={form} placed={['event']}>
      <Select
        label={t('eventType')}
        data={eventTypes.map((type) => ({ value: type, label: t(`event_${type}`) }))}
        value={v.type}
        onChange={(type) => set({ type: type ?? v.type })}
        allowDeselect={false}
        error={err('type')}
      />
      <DateField
        label={v.type === 'complication' ? t('onsetDate') : t('eventDate')}
        {...form.field('date', 'event.date')}
        required
      />
      {v.type === 'recurrence' ? (
        <Select
          label={t('site')}
          data={recurrenceSites.map((s) => ({ value: s, label: t(`site_${s}`) }))}
          value={v.site}
          onChange={(site) => set({ site: site ?? v.site })}
          allowDeselect={false}
          error={err('site')}
        />
      ) : v.type === 'complication' ? (
        <TextInput
          label={textLabel}
          value={v.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={err('term')}
          required
        />
      ) : (
        <Textarea
          label={textLabel}
          value={v.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={err(v.type === 'death' ? 'cause' : 'reason')}
          required
          autosize
          minRows={2}
        />
      )}
      {v.type === 'complication' ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('category')}
              data={complicationCategories.map((c) => ({ value: c, label: t(`category_${c}`) }))}
              value={v.category}
              onChange={(c) => set({ category: c ?? v.category })}
              allowDeselect={false}
              error={err('category')}
            />
            <Select
              label={t('gradeScale')}
              data={gradeScales.map((s) => ({ value: s, label: t(`scale_${s}`) }))}
              value={v.scale}
              onChange={(s) => set({ scale: s ?? v.scale, grade: '' })}
              allowDeselect={false}
              error={err('gradeScale')}
            />
            <Select
              label={t('grade')}
              data={[...gradesOf[v.scale]]}
              value={v.grade || null}
              onChange={(g) => set({ grade: g ?? '' })}
              error={err('grade')}
              required
            />
          </SimpleGrid>
          <Checkbox
            label={t('haipRelated')}
            checked={v.haip}
            onChange={(e) => set({ haip: e.currentTarget.checked })}
          />
          <DateField label={t('resolutionDate')} {...form.field('resolution', 'event.resolutionDate')} />
        </>
      ) : null}
    </EntryDialog>
  );
}
