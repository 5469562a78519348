// One query's conversation (every step with who, when and what) and the step the reader may take next:
// the site answers an open query; a reviewer (query:open) closes it or sends it back with a text.
import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can, queryText } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { aboutQuery, statusColour, type QueryStepView, type QueryView } from './query-words';

export function QueryThread({ query, showParticipant }: { query: QueryView; showParticipant?: boolean }) {
  const t = useT(messages);
  const { lang } = useLang();
  return (
    <Stack gap="xs" component="article" aria-label={t('queryNumber', { id: String(query.id) })}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {t('queryNumber', { id: String(query.id) })}
          {showParticipant ? ` · ${query.studyId}` : ''} · {aboutQuery(query, t, lang)}
        </Text>
        <Badge color={statusColour[query.status]} variant="light">
          {t(`status_${query.status}`)}
        </Badge>
        {query.rule ? (
          <Badge color="grape" variant="outline">
            {t(`rule_${query.rule as 'missing_value'}`)}
          </Badge>
        ) : null}
      </Group>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
        {query.steps.map((s, i) => (
          <Step key={`${s.at}-${i}`} step={s} />
        ))}
      </Stack>
      <NextStep query={query} />
    </Stack>
  );
}

function Step({ step }: { step: QueryStepView }) {
  const t = useT(messages);
  const f = useFormat();
  const name = step.bySystem ? t('system') : step.userName;
  return (
    <li>
      <Text size="xs" c="dimmed">
        {t('stepBy', {
          name,
          what: t(`step_${step.kind as 'open'}`),
          when: f.timestamp(step.at),
        })}
      </Text>
      {step.text ? <Text size="sm">{step.text}</Text> : null}
      {step.correction ? (
        <Text size="xs" c="dimmed">
          {t('correctionLink', { seq: String(step.correction.auditSeq) })}
        </Text>
      ) : null}
    </li>
  );
}

function NextStep({ query }: { query: QueryView }) {
  const t = useT(messages);
  const { lang } = useLang();
  const user = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const onSuccess = () => {
    setText('');
    setProblem(null);
    setDone(true);
    void queryClient.invalidateQueries(trpc.queries.pathFilter());
  };
  const answer = useMutation(trpc.queries.answer.mutationOptions({ onSuccess }));
  const close = useMutation(trpc.queries.close.mutationOptions({ onSuccess }));
  const reopen = useMutation(trpc.queries.reopen.mutationOptions({ onSuccess }));
  const mayAnswer = can(user.role, 'query:answer') && query.status === 'open';
  const mayReview = can(user.role, 'query:open') && query.status !== 'open';
  const mayClose = can(user.role, 'query:open') && query.status !== 'closed';
  if (!mayAnswer && !mayReview && !mayClose) return null;
  const error = answer.error ?? close.error ?? reopen.error;
  const checked = (): string | null => {
    const r = queryText.safeParse(text);
    if (r.success) return r.data;
    setProblem(t('textNeeded'));
    return null;
  };
  const label = mayAnswer ? t('yourAnswer') : t('comment');
  return (
    <Stack gap="xs">
      <Textarea
        label={label}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setDone(false);
        }}
        error={problem}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {error ? (
        <Alert color="red" role="alert">
          {describeError(error, lang)}
        </Alert>
      ) : null}
      {done ? (
        <Text size="sm" c="teal" role="status">
          {t('stepSaved')}
        </Text>
      ) : null}
      <Group gap="sm">
        {mayAnswer ? (
          <Button
            size="xs"
            loading={answer.isPending}
            onClick={() => {
              const v = checked();
              if (v) answer.mutate({ queryId: query.id, text: v });
            }}
          >
            {t('answer')}
          </Button>
        ) : null}
        {mayClose ? (
          <Button
            size="xs"
            variant="light"
            loading={close.isPending}
            onClick={() => close.mutate({ queryId: query.id, text: text.trim() || undefined })}
          >
            {t('close')}
          </Button>
        ) : null}
        {mayReview ? (
          <Button
            size="xs"
            variant="default"
            loading={reopen.isPending}
            onClick={() => {
              const v = checked();
              if (v) reopen.mutate({ queryId: query.id, text: v });
            }}
          >
            {t('sendBack')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
