// Correct saved values of a record, with a reason: the changed values go to the server, which checks the
// corrected record with the rules of a new entry and audits before and after.
import { Checkbox, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { correctionInput } from '@trialdesk/domain';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { changesOf, initialValues, type Correctable, type EditableField } from './corrections-form';
import { DateField } from '../../components/date-field';
import { DecimalInput } from '../../components/decimal-input';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

type MessageKey = keyof typeof messages.en;

export function CorrectDialog({
  trialId,
  correctable,
  what,
  onClose,
  onDone,
}: EntryDialogProps & { correctable: Correctable; what: string }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const save = useMutation(
    trpc.entry.corrections.correct.mutationOptions({
      onSuccess: (r) => {
        const label = (name: string) => {
          const field = correctable.fields.find((x) => x.name === name);
          return field ? t(field.label as MessageKey) : name;
        };
        done(t('corrected', { fields: Object.keys(r.after).map(label).join(', ') }));
      },
    }),
  );
  const form = useEntryForm(correctionInput, save, {
    initial: () => ({ fields: initialValues(correctable), reason: '' }),
    toInput: (v) => ({
      trialId,
      target: { ...correctable.target, changes: changesOf(correctable, v.fields) },
      reason: v.reason,
    }),
  });
  const { values, set, message } = form;
  const fieldError = (name: string) => message(`target.changes.${name}`);
  return (
    <EntryDialog
      title={t('correctTitle', { what })}
      onClose={onClose}
      form={form}
      placed={[...correctable.fields.map((f) => `target.changes.${f.name}`), 'reason']}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {correctable.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={values.fields[field.name]}
            onChange={(v) => set((x) => ({ fields: { ...x.fields, [field.name]: v } }))}
            error={fieldError(field.name)}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t('correctionReason')}
        value={values.reason}
        onChange={(e) => set({ reason: e.currentTarget.value })}
        error={message('reason') ?? message('target.changes')}
        required
        autosize
        minRows={2}
      />
    </EntryDialog>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: EditableField;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | undefined;
}) {
  const t = useT(messages);
  const label = t(field.label as MessageKey);
  const type = field.type;
  switch (type.kind) {
    case 'date':
      return (
        <DateField
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          error={error}
        />
      );
    case 'number':
      return (
        <DecimalInput
          label={label}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={onChange}
          error={error}
        />
      );
    case 'text':
      return (
        <TextInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          data={type.options.map((o) => ({ value: o, label: t(`${type.labelPrefix}${o}` as MessageKey) }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          allowDeselect={false}
          error={error}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          mt="lg"
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
        />
      );
  }
}
