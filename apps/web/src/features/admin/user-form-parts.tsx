// Parts the user dialogs share: field errors (our check first, then the server's answer for that field),
// a general refusal, the role and centre pickers, the dialog buttons, and the refresh after a change.
import { Alert, Button, Group, NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  isCentreBound,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  roles,
  type Role,
} from '@trialdesk/domain';
import type { ReactNode } from 'react';
import { roleLabelKey } from '../../app/layout/role-label';
import { common } from '../../i18n/common-messages';
import { useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { serverFieldProblems, type AccountField, type FieldProblems } from './account-form';
import { messages } from './messages';
import { describeUserError } from './user-errors';

export type UserRow = RouterOutputs['users']['list'][number];
export type Centre = RouterOutputs['users']['centres'][number];
export type Membership = RouterOutputs['users']['memberships'][number];

export const limits = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

/** Field errors: our own check first, then the server's answer for that field. */
export function useFieldErrors(local: FieldProblems, error: unknown) {
  const t = useT(messages);
  const server = serverFieldProblems(apiErrorData(error));
  return (field: AccountField): string | undefined => {
    const problem = local[field] ?? server.problems[field];
    if (problem)
      return t(`problem_${problem}`, field === 'displayName' ? { max: MAX_DISPLAY_NAME_LENGTH } : limits);
    return server.messages[field];
  };
}

/** A general refusal that is not about one field (last administrator, a network error…). */
export function GeneralError({ error }: { error: unknown }) {
  const { lang } = useLang();
  const data = apiErrorData(error);
  if (!error || (data?.fields && Object.keys(data.fields).length > 0)) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {describeUserError(error, lang)}
    </Alert>
  );
}

export function useInvalidateAdmin() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries(trpc.users.pathFilter());
    void qc.invalidateQueries(trpc.audit.pathFilter());
  };
}

export function RoleAndCentre({
  role,
  centre,
  centres,
  onRole,
  onCentre,
  centreError,
}: {
  role: Role;
  centre: string | null;
  centres: readonly Centre[];
  onRole: (role: Role) => void;
  onCentre: (centre: string | null) => void;
  centreError: string | undefined;
}) {
  const t = useT(messages);
  const tc = useT(common);
  return (
    <>
      <NativeSelect
        label={t('role')}
        value={role}
        onChange={(e) => onRole(e.currentTarget.value as Role)}
        data={roles.map((r) => ({ value: r, label: tc(roleLabelKey[r]) }))}
        required
      />
      {isCentreBound(role) ? (
        <NativeSelect
          label={t('centre')}
          description={t('centreHint')}
          value={centre ?? ''}
          onChange={(e) => onCentre(e.currentTarget.value || null)}
          data={[
            { value: '', label: t('chooseCentre') },
            ...centres.map((c) => ({ value: c.code, label: c.name })),
          ]}
          error={centreError}
          required
        />
      ) : null}
    </>
  );
}

export function DialogButtons({
  onCancel,
  submit,
  pending,
  danger,
}: {
  onCancel: () => void;
  submit: ReactNode;
  pending: boolean;
  danger?: boolean;
}) {
  const t = useT(messages);
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>
        {submit}
      </Button>
    </Group>
  );
}
