// Opening a query about a participant, one of its records, or one field of a record. The records offered
// are the participant's current ones (the list the SDV section shows); the fields are those a correction
// can change, from the shared schema.
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldName, queryFields, queryOpenInput, recordLabel } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useEntryForm } from '../entry/use-entry-form';
import { messages } from './messages';

type SdvRecord = RouterOutputs['sdv']['participant']['records'][number];

export function OpenQueryForm({
  trialId,
  studyId,
  records,
}: {
  trialId: string;
  studyId: string;
  records: readonly SdvRecord[];
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<number | null>(null);
  const chosenOf = (about: string) => records.find((r) => `${r.recordType}:${r.recordId}` === about);
  const open = useMutation(
    trpc.queries.open.mutationOptions({
      onSuccess: (r) => {
        setOpened(r.queryId);
        void queryClient.invalidateQueries(trpc.queries.pathFilter());
      },
    }),
  );
  const form = useEntryForm(queryOpenInput, open, {
    initial: { about: 'participant', field: null as string | null, text: '' },
    toInput: ({ about, field, text }) => {
      const chosen = chosenOf(about);
      const recordType = chosen?.recordType;
      return {
        trialId,
        studyId,
        text,
        ...(recordType && recordType !== 'participant' ? { recordType, recordId: chosen.recordId } : {}),
        ...(field ? { field, ...(recordType === 'participant' ? { recordType } : {}) } : {}),
      };
    },
    afterSuccess: (v) => ({ ...v, text: '', field: null }),
  });
  const { values, set, message } = form;
  const recordType = chosenOf(values.about)?.recordType;
  const submit = (e: FormEvent) => {
    setOpened(null);
    form.submit(e);
  };
  const aboutOptions = [
    { value: 'participant', label: t('aboutParticipant') },
    ...records.map((r) => ({
      value: `${r.recordType}:${r.recordId}`,
      label: r.recordType === 'participant' ? t('record_participant') : recordLabel(r.label, lang),
    })),
  ];
  const fields = recordType ? queryFields[recordType] : [];
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('openTitle')}
        </Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('openAbout')}
            data={aboutOptions}
            value={values.about}
            onChange={(v) => set({ about: v ?? 'participant', field: null })}
            allowDeselect={false}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label={t('openField')}
            placeholder={t('openWholeRecord')}
            data={fields.map((f) => ({ value: f, label: fieldName(f, lang) }))}
            {...form.field('field')}
            disabled={fields.length === 0}
            clearable
            style={{ flex: '1 1 200px' }}
          />
        </Group>
        <Textarea
          label={t('openText')}
          value={values.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={message('text')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {open.error && !message('text') && !message('field') ? (
          <Alert color="red" role="alert">
            {describeError(open.error, lang)}
          </Alert>
        ) : null}
        {opened !== null ? (
          <Text size="sm" c="teal" role="status">
            {t('opened', { id: String(opened) })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" size="xs" loading={form.pending}>
            {t('openSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
