// Every user's own account: who they are logged in as, and a change of their own password. After an
// administrator set the password (a new account, a reset) this is the only page that opens until it is
// changed; the server holds every other procedure back as well (auth.password_change_required).
import { Alert, Button, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isInstanceAdmin } from '@trialdesk/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { roleLabelKey } from '../../app/layout/role-label';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { common } from '../../i18n/common-messages';
import { useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { ApiTokensSection } from './api-tokens-section';
import { messages } from './messages';
import { MailSettingsForm } from '../notifications/mail-settings-form';
import { messages as notificationMessages } from '../notifications/messages';
import {
  checkPasswordChange,
  passwordLimits,
  serverPasswordField,
  type PasswordChange,
  type PasswordField,
  type PasswordProblems,
} from './password-change';

const empty: PasswordChange = { currentPassword: '', newPassword: '', repeatPassword: '' };

export default function AccountPage() {
  const t = useT(messages);
  const tc = useT(common);
  const tn = useT(notificationMessages);
  const user = useSession();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="md">
        {user.mustChangePassword ? (
          <Alert color="orange" variant="light" role="alert" title={t('mustChangeTitle')}>
            {t('mustChangeText')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title={t('details')}>
            <Stack component="dl" gap="sm" m={0}>
              <Detail label={t('username')} value={<Text ff="monospace">{user.username}</Text>} />
              <Detail label={t('displayName')} value={user.displayName} />
              <Detail label={t('role')} value={tc(roleLabelKey[user.role])} />
              <Detail label={t('centre')} value={user.centre ?? t('noCentre')} />
              <Detail label={t('trials')} value={<TrialRoles />} />
            </Stack>
          </Section>
          <Section title={t('changeTitle')}>
            <ChangePasswordForm forced={user.mustChangePassword} />
          </Section>
        </SimpleGrid>
        {user.mustChangePassword ? null : <ApiTokensSection isAdmin={isInstanceAdmin(user)} />}
        {user.mustChangePassword ? null : (
          <Section title={tn('settingsTitle')}>
            <MailSettingsForm />
          </Section>
        )}
      </Stack>
    </>
  );
}

/** The user's role (and centre) in each trial they are a member of; an administrator has every trial. */
function TrialRoles() {
  const t = useT(messages);
  const tc = useT(common);
  const trpc = useTRPC();
  const user = useSession();
  const trials = useQuery({ ...trpc.trials.list.queryOptions(), enabled: !user.mustChangePassword });
  if (isInstanceAdmin(user)) return t('everyTrial');
  if (user.memberships.length === 0) return t('noTrials');
  const code = (id: string) => trials.data?.find((x) => x.id === id)?.code ?? id;
  return (
    <Stack component="span" gap={0}>
      {user.memberships.map((m) => (
        <span key={m.trialId}>
          {code(m.trialId)}: {tc(roleLabelKey[m.role])}
          {m.centre ? ` (${m.centre})` : ''}
        </span>
      ))}
    </Stack>
  );
}

/** A label above its value: reads the same at 390 px as at 1440 px. */
function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

function ChangePasswordForm({ forced }: { forced: boolean }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(empty);
  const [local, setLocal] = useState<PasswordProblems>({});
  const [done, setDone] = useState<number | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async (result) => {
        setValues(empty);
        setDone(result.sessionsEnded);
        // The session now opens everything: reload who is logged in; a held user goes on to their start page.
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        if (forced) void navigate('/', { replace: true });
      },
    }),
  );
  const serverData = apiErrorData(change.error);
  const serverField = serverPasswordField(serverData);
  const errorOf = (field: PasswordField): string | undefined => {
    const problem = local[field];
    if (problem) return t(`problem_${problem}`, passwordLimits);
    if (change.error && serverField === field) return describeError(change.error, lang);
    return undefined;
  };
  const set = (changes: Partial<PasswordChange>) => {
    setDone(null);
    setValues((v) => ({ ...v, ...changes }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkPasswordChange(values);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('changeTitle')}>
      <Stack gap="sm">
        {done !== null ? (
          <Alert color="teal" variant="light" role="status">
            {t('changed')} {done > 0 ? t('otherSessionsEnded', { sessions: done }) : null}
          </Alert>
        ) : null}
        {change.error && !serverField ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(change.error, lang)}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('currentPassword')}
          value={values.currentPassword}
          onChange={(e) => set({ currentPassword: e.currentTarget.value })}
          error={errorOf('currentPassword')}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          label={t('newPassword')}
          description={t('passwordHint', passwordLimits)}
          value={values.newPassword}
          onChange={(e) => set({ newPassword: e.currentTarget.value })}
          error={errorOf('newPassword')}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('repeatPassword')}
          value={values.repeatPassword}
          onChange={(e) => set({ repeatPassword: e.currentTarget.value })}
          error={errorOf('repeatPassword')}
          autoComplete="new-password"
          required
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('submit')}
        </Button>
      </Stack>
    </form>
  );
}
