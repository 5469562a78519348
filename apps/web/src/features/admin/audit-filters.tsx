// The audit viewer's filters: participant, user, action and a date range (calendar days in Amsterdam).
// Typed values apply on submit, so that a half-typed study ID does not start a search.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/date-field';
import { useT } from '../../i18n/i18n-context';
import { actionMessages, auditActionList } from './action-messages';
import { messages } from './messages';

export interface AuditFilterValues {
  participant: string;
  username: string;
  action: string;
  from: string;
  to: string;
}

const emptyFilters: AuditFilterValues = {
  participant: '',
  username: '',
  action: '',
  from: '',
  to: '',
};

export function AuditFilters({
  applied,
  onApply,
  fieldErrors,
}: {
  applied: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
  fieldErrors: Record<string, string[]>;
}) {
  const t = useT(messages);
  const ta = useT(actionMessages);
  const [draft, setDraft] = useState(applied);
  const set = (changes: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...changes }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      ...draft,
      participant: draft.participant.trim().toUpperCase(),
      username: draft.username.trim(),
    });
  };
  const error = (field: keyof AuditFilterValues) => fieldErrors[field]?.join(' ');
  return (
    <form onSubmit={submit} noValidate role="search" aria-label={t('filters')}>
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t('participant')}
          placeholder={t('participantPlaceholder')}
          value={draft.participant}
          onChange={(e) => set({ participant: e.currentTarget.value })}
          error={error('participant')}
          maxLength={40}
          w={200}
        />
        <TextInput
          label={t('user')}
          placeholder={t('userPlaceholder')}
          value={draft.username}
          onChange={(e) => set({ username: e.currentTarget.value })}
          error={error('username')}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          w={180}
        />
        <NativeSelect
          label={t('action')}
          value={draft.action}
          onChange={(e) => set({ action: e.currentTarget.value })}
          error={error('action')}
          data={[
            { value: '', label: t('anyAction') },
            ...auditActionList.map((a) => ({ value: a, label: ta(a) })),
          ]}
          w={240}
        />
        <DateField
          label={t('from')}
          value={draft.from}
          onChange={(from) => set({ from })}
          error={error('from')}
          name="from"
          w={170}
        />
        <DateField
          label={t('to')}
          value={draft.to}
          onChange={(to) => set({ to })}
          error={error('to')}
          name="to"
          w={170}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit">{t('apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyFilters);
              onApply(emptyFilters);
            }}
          >
            {t('clear')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
