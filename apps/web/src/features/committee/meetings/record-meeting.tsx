// Recording a meeting: its date, attendees (one per line), the data cut it used, the recommendation and
// the minutes. The server checks everything again (and that the meeting is not before its cut).
import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { meetingRecommendations, type MeetingRecommendation } from '@trialdesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DateField } from '../../../components/date-field';
import { Section } from '../../../components/section';
import { useFormat, useLang, useT } from '../../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import type { CutList } from '../types';
import { messages } from './messages';

export function RecordMeeting({ trialId, cuts }: { trialId: string; cuts: CutList }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [date, setDate] = useState('');
  const [attendees, setAttendees] = useState('');
  const [cutId, setCutId] = useState<string | null>(cuts[0] ? String(cuts[0].id) : null);
  const [recommendation, setRecommendation] = useState<string | null>(null);
  const [minutes, setMinutes] = useState('');
  const record = useMutation(
    trpc.committee.meetings.record.mutationOptions({
      onSuccess: () => void qc.invalidateQueries(trpc.committee.meetings.pathFilter()),
    }),
  );
  const fields = apiErrorData(record.error)?.fields ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({
      trialId,
      meetingDate: date,
      attendees: attendees
        .split('\n')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      cutId: Number(cutId ?? 0),
      recommendation: (recommendation ?? '') as MeetingRecommendation,
      minutes,
    });
  };
  const errorOf = (k: string) => fields[k]?.join(' ');
  return (
    <Section title={t('recordTitle')}>
      <form onSubmit={submit} noValidate aria-label={t('recordTitle')}>
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap">
            <DateField
              label={t('date')}
              value={date}
              onChange={setDate}
              error={errorOf('meetingDate')}
              required
            />
            <Select
              label={t('cut')}
              data={cuts.map((c) => ({ value: String(c.id), label: `${c.label} (${f.date(c.asOf)})` }))}
              value={cutId}
              onChange={setCutId}
              error={errorOf('cutId')}
              required
              w={{ base: '100%', sm: 360 }}
            />
            <Select
              label={t('recommendation')}
              data={meetingRecommendations.map((r) => ({ value: r, label: t(r) }))}
              value={recommendation}
              onChange={setRecommendation}
              error={errorOf('recommendation')}
              required
              w={{ base: '100%', sm: 280 }}
            />
          </Group>
          <Textarea
            label={t('attendees')}
            description={t('attendeesHint')}
            value={attendees}
            onChange={(e) => setAttendees(e.currentTarget.value)}
            error={errorOf('attendees')}
            autosize
            minRows={3}
            required
          />
          <Textarea
            label={t('minutes')}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            error={errorOf('minutes')}
            autosize
            minRows={4}
            required
          />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('record')}
            </Button>
          </Group>
          {record.isError && Object.keys(fields).length === 0 ? (
            <Alert color="red" role="alert">
              {describeError(record.error, lang)}
            </Alert>
          ) : null}
          {record.isSuccess ? (
            <Alert color="teal" role="status">
              {t('recorded')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Section>
  );
}
