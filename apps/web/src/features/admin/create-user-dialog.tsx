// Create an account: username, name, role, centre (coordinators only) and an initial password typed twice.
import { Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { isCentreBound, type Role } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { checkAccount, hasProblems, type FieldProblems } from './account-form';
import { messages } from './messages';
import {
  DialogButtons,
  GeneralError,
  limits,
  RoleAndCentre,
  useFieldErrors,
  useInvalidateAdmin,
  type Centre,
} from './user-form-parts';

export function CreateUserDialog({
  centres,
  onClose,
  onDone,
}: {
  centres: readonly Centre[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT(messages);
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  const [values, setValues] = useState({
    username: '',
    displayName: '',
    role: 'coordinator' as Role,
    centre: null as string | null,
    password: '',
    confirm: '',
  });
  const [local, setLocal] = useState<FieldProblems>({});
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => {
        invalidate();
        onDone(t('created', { username: values.username.trim().toLowerCase() }));
      },
    }),
  );
  const fieldError = useFieldErrors(local, create.error);
  const set = (changes: Partial<typeof values>) => setValues((v) => ({ ...v, ...changes }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkAccount(values);
    setLocal(problems);
    if (hasProblems(problems)) return;
    create.mutate({
      username: values.username,
      displayName: values.displayName,
      role: values.role,
      centre: isCentreBound(values.role) ? values.centre : null,
      password: values.password,
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('createTitle')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <GeneralError error={create.error} />
          <TextInput
            label={t('username')}
            description={t('usernameHint')}
            value={values.username}
            onChange={(e) => set({ username: e.currentTarget.value })}
            error={fieldError('username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
          />
          <TextInput
            label={t('displayName')}
            value={values.displayName}
            onChange={(e) => set({ displayName: e.currentTarget.value })}
            error={fieldError('displayName')}
            required
          />
          <RoleAndCentre
            role={values.role}
            centre={values.centre}
            centres={centres}
            onRole={(role) => set({ role, centre: isCentreBound(role) ? values.centre : null })}
            onCentre={(centre) => set({ centre })}
            centreError={fieldError('centre')}
          />
          <PasswordInput
            label={t('initialPassword')}
            description={t('passwordHint', limits)}
            value={values.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={fieldError('password')}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('confirmPassword')}
            value={values.confirm}
            onChange={(e) => set({ confirm: e.currentTarget.value })}
            error={fieldError('confirm')}
            autoComplete="new-password"
            required
          />
          <DialogButtons onCancel={onClose} submit={t('create')} pending={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
