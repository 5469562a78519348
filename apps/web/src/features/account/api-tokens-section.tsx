// Personal API tokens on the account page: create one (shown once), list and revoke one's own; an
// administrator also sees and revokes everyone's. The server decides who may revoke what (tokens.revoke).
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { tokenMessages } from './token-messages';

interface TokenRow {
  id: number;
  username: string;
  prefix: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiTokensSection({ isAdmin }: { isAdmin: boolean }) {
  const t = useT(tokenMessages);
  const trpc = useTRPC();
  const mine = useQuery(trpc.tokens.mine.queryOptions());
  const all = useQuery({ ...trpc.tokens.all.queryOptions(), enabled: isAdmin });
  return (
    <>
      <Section title={t('title')} description={t('description')}>
        <Stack gap="md">
          <CreateTokenForm />
          <TokenTable rows={mine.data ?? []} showUser={false} />
        </Stack>
      </Section>
      {isAdmin ? (
        <Section title={t('allTitle')} description={t('allDescription')}>
          <TokenTable rows={all.data ?? []} showUser />
        </Section>
      ) : null}
    </>
  );
}

function CreateTokenForm() {
  const t = useT(tokenMessages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number | string>(API_TOKEN_DEFAULT_DAYS);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async () => {
        setLabel('');
        await queryClient.invalidateQueries(trpc.tokens.pathFilter());
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ label, expiresInDays: typeof days === 'number' ? days : Number(days) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('create')}>
      <Stack gap="sm">
        {create.data ? (
          <Alert color="teal" variant="light" role="status" data-testid="new-token">
            <Stack gap="xs">
              <Text size="sm">{t('created')}</Text>
              <Group gap="xs" wrap="nowrap" align="center">
                <Code style={{ overflowWrap: 'anywhere' }}>{create.data.token}</Code>
                <CopyButton value={create.data.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('copied') : t('copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {create.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(create.error, lang)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('label')}
            description={t('labelHint')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={80}
            required
            style={{ flex: '1 1 240px' }}
          />
          <NumberInput
            label={t('days')}
            description={t('daysHint', { max: API_TOKEN_MAX_DAYS })}
            value={days}
            onChange={setDays}
            min={1}
            max={API_TOKEN_MAX_DAYS}
            allowDecimal={false}
            style={{ width: 180 }}
          />
          <Button type="submit" loading={create.isPending}>
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenTable({ rows, showUser }: { rows: TokenRow[]; showUser: boolean }) {
  const t = useT(tokenMessages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async (row) => {
        setNotice(t('revoked', { prefix: row.prefix }));
        await queryClient.invalidateQueries(trpc.tokens.pathFilter());
      },
    }),
  );
  if (rows.length === 0) return <Text c="dimmed">{t('none')}</Text>;
  const now = new Date().toISOString();
  return (
    <Stack gap="xs">
      {notice ? (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      {revoke.error ? (
        <Alert color="red" variant="light" role="alert">
          {describeError(revoke.error, lang)}
        </Alert>
      ) : null}
      <ScrollTable>
        <Table
          striped
          verticalSpacing="xs"
          className="stacked"
          data-testid={showUser ? 'all-tokens' : 'my-tokens'}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('colLabel')}</Table.Th>
              {showUser ? <Table.Th scope="col">{t('colUser')}</Table.Th> : null}
              <Table.Th scope="col">{t('colPrefix')}</Table.Th>
              <Table.Th scope="col">{t('colCreated')}</Table.Th>
              <Table.Th scope="col">{t('colExpires')}</Table.Th>
              <Table.Th scope="col">{t('colLastUsed')}</Table.Th>
              <Table.Th scope="col">{t('colStatus')}</Table.Th>
              <Table.Th scope="col">{t('colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const status = row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'active';
              return (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  {showUser ? (
                    <Table.Td data-label={t('colUser')} ff="monospace">
                      {row.username}
                    </Table.Td>
                  ) : null}
                  <Table.Td data-label={t('colPrefix')} ff="monospace">
                    {row.prefix}…
                  </Table.Td>
                  <Table.Td data-label={t('colCreated')}>{f.timestamp(row.createdAt)}</Table.Td>
                  <Table.Td data-label={t('colExpires')}>{f.timestamp(row.expiresAt)}</Table.Td>
                  <Table.Td data-label={t('colLastUsed')}>
                    {row.lastUsedAt ? f.timestamp(row.lastUsedAt) : t('never')}
                  </Table.Td>
                  <Table.Td data-label={t('colStatus')}>
                    <Badge color={status === 'active' ? 'teal' : 'gray'} variant="light">
                      {status === 'active'
                        ? t('statusActive')
                        : status === 'revoked'
                          ? t('statusRevoked')
                          : t('statusExpired')}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-label={t('colActions')}>
                    {status === 'active' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('revokeLabel', { prefix: row.prefix })}
                        loading={revoke.isPending && revoke.variables.tokenId === row.id}
                        onClick={() => revoke.mutate({ tokenId: row.id })}
                      >
                        {t('revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
