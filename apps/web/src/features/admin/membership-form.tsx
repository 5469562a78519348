// Adds an account to a trial or changes its role there: trial, role and, for a coordinator, one of that
// trial's centres. The role offered first is the account's own (its default) or its current one in the trial.
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isCentreBound, memberRoles, type MemberRole } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { roleLabelKey } from '../../app/layout/role-label';
import { common } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { apiErrorData } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { membershipMessages } from './membership-messages';
import { GeneralError, useInvalidateAdmin, type Membership, type UserRow } from './user-form-parts';

type Field = 'trialId' | 'centre';

export function MembershipForm({
  user,
  current,
  onDone,
}: {
  user: UserRow;
  current: readonly Membership[];
  onDone: (message: string) => void;
}) {
  const t = useT(membershipMessages);
  const tc = useT(common);
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  const trials = useQuery(trpc.trials.list.queryOptions());
  const defaultRole: MemberRole = (memberRoles as readonly string[]).includes(user.role)
    ? (user.role as MemberRole)
    : 'monitor';
  const [trialId, setTrialId] = useState('');
  const [role, setRole] = useState<MemberRole>(defaultRole);
  const [centre, setCentre] = useState<string | null>(user.centre);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const definition = useQuery({
    ...trpc.trials.get.queryOptions({ trialId }),
    enabled: trialId !== '',
  });
  const centres = definition.data?.definition.centres ?? [];
  // A centre that does not take part in the chosen trial is not offered (nor sent).
  const chosenCentre = centres.some((c) => c.code === centre) ? centre : null;
  const trialCode = (id: string) => trials.data?.find((x) => x.id === id)?.code ?? id;
  const save = useMutation(
    trpc.users.setMembership.mutationOptions({
      onSuccess: (result, input) => {
        invalidate();
        const params = {
          username: user.username,
          trial: trialCode(input.trialId),
          role: tc(roleLabelKey[input.role]),
        };
        onDone(result.changed ? t('membershipSet', params) : t('membershipUnchanged', params));
      },
    }),
  );
  const server = apiErrorData(save.error)?.fields ?? {};
  const errorOf = (field: Field) => local[field] ?? server[field]?.join(' ');

  const chooseTrial = (id: string) => {
    setTrialId(id);
    setLocal({});
    // Start from what the account has in that trial, if anything.
    const existing = current.find((m) => m.trialId === id);
    setRole(existing?.role ?? defaultRole);
    setCentre(existing?.centre ?? user.centre);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!trialId) problems.trialId = t('trialRequired');
    else if (isCentreBound(role) && !chosenCentre) problems.centre = t('centreRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ userId: user.id, trialId, role, centre: isCentreBound(role) ? chosenCentre : null });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('addOrChange')}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('addOrChange')}
        </Text>
        {save.error && Object.keys(server).length === 0 ? <GeneralError error={save.error} /> : null}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('trial')}
            value={trialId}
            onChange={(e) => chooseTrial(e.currentTarget.value)}
            data={[
              { value: '', label: t('chooseTrial') },
              ...(trials.data ?? []).map((x) => ({ value: x.id, label: x.code })),
            ]}
            error={errorOf('trialId') ?? server.userId?.join(' ')}
            required
            w={200}
          />
          <NativeSelect
            label={t('role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
            data={memberRoles.map((r) => ({ value: r, label: tc(roleLabelKey[r]) }))}
            required
            w={220}
          />
          {isCentreBound(role) ? (
            <NativeSelect
              label={t('centre')}
              value={chosenCentre ?? ''}
              onChange={(e) => setCentre(e.currentTarget.value || null)}
              data={[{ value: '', label: '–' }, ...centres.map((c) => ({ value: c.code, label: c.name }))]}
              error={errorOf('centre')}
              required
              w={240}
            />
          ) : null}
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('saveMembership')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
