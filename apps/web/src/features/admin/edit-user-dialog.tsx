// Change an account's display name, role, centre or email address; a role or centre change logs the user
// out, and the dialog says so before saving. The address is its own audited call (users.setEmail).
import { Alert, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { isCentreBound } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
import { apiErrorData } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { checkAccount, hasProblems, type FieldProblems } from './account-form';
import { messages } from './messages';
import {
  DialogButtons,
  GeneralError,
  RoleAndCentre,
  useFieldErrors,
  useInvalidateAdmin,
  type Centre,
  type UserRow,
} from './user-form-parts';

export function EditUserDialog({
  user,
  centres,
  onClose,
  onDone,
}: {
  user: UserRow;
  centres: readonly Centre[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT(messages);
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  const [values, setValues] = useState({
    displayName: user.displayName,
    role: user.role,
    centre: user.centre,
    email: user.email ?? '',
  });
  const [local, setLocal] = useState<FieldProblems>({});
  const setEmail = useMutation(trpc.users.setEmail.mutationOptions());
  const newEmail = values.email.trim() === '' ? null : values.email.trim();
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (result) => {
        // The address goes second, so a refused address leaves the dialog open with its message.
        const emailChanged =
          newEmail !== (user.email ?? null)
            ? await setEmail.mutateAsync({ userId: user.id, email: newEmail }).catch(() => null)
            : { changed: false };
        invalidate();
        if (emailChanged === null) return;
        const params = { username: user.username, sessions: result.sessionsEnded };
        onDone(
          !result.changed && !emailChanged.changed
            ? t('unchanged', params)
            : result.sessionsEnded > 0
              ? t('updatedLoggedOut', params)
              : t('updated', params),
        );
      },
    }),
  );
  const emailError = apiErrorData(setEmail.error)?.fields?.email?.[0];
  const fieldError = useFieldErrors(local, update.error);
  const accessChanges =
    values.role !== user.role || (isCentreBound(values.role) && values.centre !== user.centre);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending || setEmail.isPending) return;
    const problems = checkAccount(values);
    setLocal(problems);
    if (hasProblems(problems)) return;
    update.mutate({
      userId: user.id,
      displayName: values.displayName,
      role: values.role,
      centre: isCentreBound(values.role) ? values.centre : null,
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('editTitle', { username: user.username })} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <GeneralError error={update.error} />
          <TextInput
            label={t('displayName')}
            value={values.displayName}
            onChange={(e) => {
              // Read while the event is handled: React clears currentTarget before an updater runs.
              const displayName = e.currentTarget.value;
              setValues((v) => ({ ...v, displayName }));
            }}
            error={fieldError('displayName')}
            required
            data-autofocus
          />
          <RoleAndCentre
            role={values.role}
            centre={values.centre}
            centres={centres}
            onRole={(role) =>
              setValues((v) => ({ ...v, role, centre: isCentreBound(role) ? v.centre : null }))
            }
            onCentre={(centre) => setValues((v) => ({ ...v, centre }))}
            centreError={fieldError('centre')}
          />
          <TextInput
            type="email"
            label={t('email')}
            description={t('emailHint')}
            value={values.email}
            onChange={(e) => {
              const email = e.currentTarget.value;
              setValues((v) => ({ ...v, email }));
            }}
            error={emailError}
          />
          {accessChanges ? (
            <Alert color="orange" variant="light" role="status">
              {t('accessChangeWarning', { username: user.username })}
            </Alert>
          ) : null}
          <DialogButtons
            onCancel={onClose}
            submit={t('save')}
            pending={update.isPending || setEmail.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
