// Opening a query about a participant, one of its records, or one field of a record. The records offered
// are the participant's current ones (the list the SDV section shows); the fields are those a correction
// can change, from the shared schema.
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldName, queryFields, queryOpenInput, recordLabel } from '@trialdesk/domain';
import { useState } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { checkWith, combine, messageFor, serverFields, type FieldErrors } from '../entry/field-errors';
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
  const [about, setAbout] = useState<string>('participant');
  const [field, setField] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [local, setLocal] = useState<FieldErrors>({});
  const [opened, setOpened] = useState<number | null>(null);
  const open = useMutation(
    trpc.queries.open.mutationOptions({
      onSuccess: (r) => {
        setOpened(r.queryId);
        setText('');
        setField(null);
        void queryClient.invalidateQueries(trpc.queries.pathFilter());
      },
    }),
  );
  const chosen = records.find((r) => `${r.recordType}:${r.recordId}` === about);
  const recordType = chosen?.recordType;
  const input = {
    trialId,
    studyId,
    text,
    ...(recordType && recordType !== 'participant' ? { recordType, recordId: chosen.recordId } : {}),
    ...(field ? { field, ...(recordType === 'participant' ? { recordType } : {}) } : {}),
  };
  const errors = combine(local, serverFields(open.error));
  const submit = () => {
    const problems = checkWith(queryOpenInput, input, lang);
    setLocal(problems);
    setOpened(null);
    if (Object.keys(problems).length === 0) open.mutate(input);
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
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('openTitle')}
        </Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('openAbout')}
            data={aboutOptions}
            value={about}
            onChange={(v) => {
              setAbout(v ?? 'participant');
              setField(null);
            }}
            allowDeselect={false}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label={t('openField')}
            placeholder={t('openWholeRecord')}
            data={fields.map((f) => ({ value: f, label: fieldName(f, lang) }))}
            value={field}
            onChange={setField}
            disabled={fields.length === 0}
            clearable
            style={{ flex: '1 1 200px' }}
            error={messageFor(errors, 'field')}
          />
        </Group>
        <Textarea
          label={t('openText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={messageFor(errors, 'text')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {open.error && !messageFor(errors, 'text') && !messageFor(errors, 'field') ? (
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
          <Button type="submit" size="xs" loading={open.isPending}>
            {t('openSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
