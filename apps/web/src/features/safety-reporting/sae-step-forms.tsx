// The steps after a report, each a button that opens a one-field form: a follow-up report (the site), the
// PI's review with an optional comment, and the reference of a SUSAR's submission to the authorities.
// Checked with the server's own schemas; the server's refusals are shown in its words under the field.
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saeFollowUpInput, saeReviewInput, susarReportInput } from '@trialdesk/domain';
import { useState } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useEntryForm } from '../entry/use-entry-form';
import { messages } from './messages';

type Step = 'followUp' | 'review' | 'susar';

const words = {
  followUp: {
    open: 'addFollowUp',
    label: 'addFollowUpLabel',
    field: 'followUpText',
    submit: 'followUpSubmit',
  },
  review: { open: 'review', label: 'reviewLabel', field: 'reviewComment', submit: 'reviewSubmit' },
  susar: {
    open: 'susarReport',
    label: 'susarReportLabel',
    field: 'susarReference',
    submit: 'susarReportSubmit',
  },
} as const;

const fieldOf: Record<Step, 'text' | 'comment' | 'reference'> = {
  followUp: 'text',
  review: 'comment',
  susar: 'reference',
};

/** A button "Add follow-up" / "Review" / "SUSAR reported" that opens its form in place. */
export function SaeStep({ step, trialId, saeId }: { step: Step; trialId: string; saeId: number }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const w = words[step];
  if (!open)
    return (
      <Button size="xs" variant="light" aria-label={t(w.label, { id: saeId })} onClick={() => setOpen(true)}>
        {t(w.open)}
      </Button>
    );
  return <SaeStepForm step={step} trialId={trialId} saeId={saeId} onClose={() => setOpen(false)} />;
}

function SaeStepForm({
  step,
  trialId,
  saeId,
  onClose,
}: {
  step: Step;
  trialId: string;
  saeId: number;
  onClose: () => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries(trpc.safety.pathFilter());
  const followUp = useMutation(
    trpc.safety.addFollowUp.mutationOptions({
      onSuccess: (r) => {
        setDone(t('followUpAdded', { seq: r.seq }));
        refresh();
      },
    }),
  );
  const review = useMutation(trpc.safety.review.mutationOptions({ onSuccess: refresh }));
  const susar = useMutation(trpc.safety.reportSusar.mutationOptions({ onSuccess: refresh }));
  const schema =
    step === 'followUp' ? saeFollowUpInput : step === 'review' ? saeReviewInput : susarReportInput;
  // One form for three procedures: the input is built per step, each sent by its own mutation.
  const mutation = {
    mutate: (
      input: Record<string, unknown>,
      options?: { onSuccess?: () => void; onSettled?: () => void },
    ) => {
      if (step === 'followUp') followUp.mutate(input as never, options);
      else if (step === 'review') review.mutate(input as never, options);
      else susar.mutate(input as never, options);
    },
    isPending: followUp.isPending || review.isPending || susar.isPending,
    error: step === 'followUp' ? followUp.error : step === 'review' ? review.error : susar.error,
  };
  const field = fieldOf[step];
  const form = useEntryForm(schema, mutation, {
    initial: { value: '' },
    toInput: ({ value }): Record<string, unknown> => ({
      trialId,
      saeId,
      [field]: step === 'review' && value.trim() === '' ? null : value,
    }),
    afterSuccess: () => ({ value: '' }),
  });
  const w = words[step];
  const label = t(w.field);
  const message = form.message(field);
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t(w.label, { id: saeId })}
      style={{ flex: '1 1 100%' }}
    >
      <Stack gap="xs">
        {step === 'susar' ? (
          <TextInput
            label={label}
            value={form.values.value}
            onChange={(e) => form.set({ value: e.currentTarget.value })}
            error={message}
            maxLength={100}
            maw={420}
          />
        ) : (
          <Textarea
            label={label}
            value={form.values.value}
            onChange={(e) => form.set({ value: e.currentTarget.value })}
            error={message}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {form.error && !message ? (
          <Alert color="red" role="alert">
            {describeError(form.error, lang)}
          </Alert>
        ) : null}
        {done !== null ? (
          <Text size="sm" c="teal" role="status">
            {done}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={form.pending}>
            {t(w.submit)}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
