// The user's own email address, mail language and which optional mails they want (account page). Mandatory
// kinds are shown switched on and cannot be switched off; the server refuses that too.
import { Alert, Button, Checkbox, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationKind } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { PageError, PageLoader } from '../../components/page-state';
import { useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';

type Settings = RouterOutputs['notifications']['settings'];

export function MailSettingsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.notifications.settings.queryOptions());
  if (settings.isError) return <PageError error={settings.error} />;
  if (!settings.data) return <PageLoader />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const t = useT(messages);
  const { lang: uiLang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(initial.email ?? '');
  const [lang, setLang] = useState<'en' | 'nl'>(initial.lang);
  const [mailOff, setMailOff] = useState<NotificationKind[]>(
    initial.kinds.filter((k) => !k.mail).map((k) => k.kind),
  );
  const kinds = initial.kinds;
  const save = useMutation(
    trpc.notifications.saveSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notifications.settings.queryKey(), data),
    }),
  );
  const emailError = apiErrorData(save.error)?.fields?.email?.[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    save.mutate({ email: email.trim() === '' ? null : email, lang, mailOff });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('settingsTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('settingsIntro')}</Text>
        <TextInput
          type="email"
          label={t('email')}
          description={t('emailHint')}
          value={email}
          autoComplete="email"
          onChange={(e) => {
            const value = e.currentTarget.value;
            setEmail(value);
          }}
          error={emailError}
        />
        <Radio.Group label={t('mailLang')} value={lang} onChange={(v) => setLang(v === 'nl' ? 'nl' : 'en')}>
          <Stack gap={4} mt={4}>
            <Radio value="en" label={t('langEn')} />
            <Radio value="nl" label={t('langNl')} />
          </Stack>
        </Radio.Group>
        <Checkbox.Group
          label={t('kindsTitle')}
          value={kinds.filter((k) => !mailOff.includes(k.kind)).map((k) => k.kind)}
          onChange={(on) =>
            setMailOff(kinds.filter((k) => k.optional && !on.includes(k.kind)).map((k) => k.kind))
          }
        >
          <Stack gap={6} mt={4}>
            {kinds.map((k) => (
              <Checkbox
                key={k.kind}
                value={k.kind}
                label={t(`kind_${k.kind}`)}
                description={k.optional ? undefined : t('mandatory')}
                disabled={!k.optional}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.isError && !emailError ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(save.error, uiLang)}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Text size="sm" c="green.8" role="status">
            {t('saved')}
          </Text>
        ) : null}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('save')}
        </Button>
      </Stack>
    </form>
  );
}
