// Change an account's display name, role or centre; a role or centre change logs the user out, and the
// dialog says so before saving.
import { Alert, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { isCentreBound } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
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
  });
  const [local, setLocal] = useState<FieldProblems>({});
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (result) => {
        invalidate();
        const params = { username: user.username, sessions: result.sessionsEnded };
        onDone(
          !result.changed
            ? t('unchanged', params)
            : result.sessionsEnded > 0
              ? t('updatedLoggedOut', params)
              : t('updated', params),
        );
      },
    }),
  );
  const fieldError = useFieldErrors(local, update.error);
  const accessChanges =
    values.role !== user.role || (isCentreBound(values.role) && values.centre !== user.centre);
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
          {accessChanges ? (
            <Alert color="orange" variant="light" role="status">
              {t('accessChangeWarning', { username: user.username })}
            </Alert>
          ) : null}
          <DialogButtons onCancel={onClose} submit={t('save')} pending={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
