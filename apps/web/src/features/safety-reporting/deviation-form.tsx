// Logging a protocol deviation (coordinators for their own centre, the data manager): about a participant
// or, without one, about a centre. Checked with the server's schema; refusals shown under their field.
import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  deviationCategories,
  recordDeviationInput,
  type DeviationCategory,
  type DeviationSeverity,
} from '@trialdesk/domain';
import { useState } from 'react';
import { DateField } from '../../components/date-field';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { textOrNull } from '../entry/field-errors';
import { useEntryForm } from '../entry/use-entry-form';
import { deviationMessages } from './deviation-messages';

export function DeviationForm({
  trialId,
  centres,
  ownCentre,
}: {
  trialId: string;
  centres: readonly { code: string; name: string }[];
  ownCentre: string | null;
}) {
  const t = useT(deviationMessages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [done, setDone] = useState<number | null>(null);
  const record = useMutation(
    trpc.deviations.record.mutationOptions({
      onSuccess: (r) => {
        setDone(r.deviationId);
        void qc.invalidateQueries(trpc.deviations.pathFilter());
      },
    }),
  );
  const form = useEntryForm(recordDeviationInput, record, {
    initial: {
      studyId: '',
      centre: ownCentre ?? '',
      category: 'other' as DeviationCategory,
      severity: 'minor' as DeviationSeverity,
      description: '',
      date: '',
      correctiveAction: '',
    },
    toInput: (v) => ({
      trialId,
      studyId: textOrNull(v.studyId),
      ...(v.centre !== '' && textOrNull(v.studyId) === null ? { centre: v.centre } : {}),
      category: v.category,
      severity: v.severity,
      description: v.description,
      date: v.date,
      correctiveAction: textOrNull(v.correctiveAction),
    }),
    afterSuccess: (v) => ({ ...v, studyId: '', description: '', correctiveAction: '' }),
  });
  const v = form.values;
  const placed = ['studyId', 'centre', 'category', 'severity', 'description', 'date', 'correctiveAction'];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        setDone(null);
        form.submit(e);
      }}
      aria-label={t('recordTitle')}
    >
      <Stack gap="sm">
        <Group gap="md" align="flex-start" wrap="wrap">
          <TextInput
            label={t('recordStudyId')}
            description={t('recordStudyIdHelp')}
            value={v.studyId}
            onChange={(e) => form.set({ studyId: e.currentTarget.value })}
            error={form.message('studyId')}
            w={{ base: '100%', sm: 300 }}
          />
          <NativeSelect
            label={t('recordCentre')}
            value={ownCentre ?? v.centre}
            disabled={ownCentre !== null || v.studyId.trim() !== ''}
            onChange={(e) => form.set({ centre: e.currentTarget.value })}
            data={[
              ...(ownCentre ? [] : [{ value: '', label: '–' }]),
              ...centres.map((c) => ({ value: c.code, label: c.name })),
            ]}
            error={form.message('centre')}
            w={{ base: '100%', sm: 240 }}
          />
        </Group>
        <Group gap="md" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('recordCategory')}
            value={v.category}
            onChange={(e) => form.set({ category: e.currentTarget.value as DeviationCategory })}
            data={deviationCategories.map((c) => ({ value: c, label: t(`category_${c}`) }))}
            error={form.message('category')}
            w={{ base: '100%', sm: 240 }}
          />
          <Radio.Group
            label={t('recordSeverity')}
            value={v.severity}
            onChange={(s) => form.set({ severity: s })}
            error={form.message('severity')}
          >
            <Group gap="md" mt={6}>
              <Radio value="major" label={t('severity_major')} />
              <Radio value="minor" label={t('severity_minor')} />
            </Group>
          </Radio.Group>
          <DateField label={t('recordDate')} {...form.field('date')} required />
        </Group>
        <Textarea
          label={t('recordDescription')}
          value={v.description}
          onChange={(e) => form.set({ description: e.currentTarget.value })}
          error={form.message('description')}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        <Textarea
          label={t('recordAction')}
          value={v.correctiveAction}
          onChange={(e) => form.set({ correctiveAction: e.currentTarget.value })}
          error={form.message('correctiveAction')}
          autosize
          minRows={2}
          maxLength={1000}
        />
        {form.error && placed.every((p) => !form.message(p)) ? (
          <Alert color="red" role="alert">
            {describeError(form.error, lang)}
          </Alert>
        ) : null}
        {done !== null ? (
          <Text size="sm" c="teal" role="status">
            {t('recorded', { id: done })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" size="sm" loading={form.pending}>
            {t('recordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
