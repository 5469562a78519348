// Data cuts: freeze one (PI and administrator), list them, verify a cut's hash, compare two cuts (what is
// new since the last meeting) and, for PI and administrator, export a cut.
import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, outcomesOpenTo } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session';
import { DateField } from '../../components/date-field';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { CompareSection } from './compare-section';
import { MeetingsSection } from './meetings/meetings-section';
import { OutcomeVisibilitySetting } from './outcome-visibility-setting';
import { CutSignature, useCutSignatures } from '../signatures/cut-signature';
import { ExportButtons } from './export-buttons';
import { messages } from './messages';

function CreateCut({ trialId, today }: { trialId: string; today: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [label, setLabel] = useState('');
  const [asOf, setAsOf] = useState(today);
  const create = useMutation(
    trpc.committee.dataCuts.create.mutationOptions({
      onSuccess: () => void qc.invalidateQueries(trpc.committee.dataCuts.pathFilter()),
    }),
  );
  const fields = apiErrorData(create.error)?.fields ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ trialId, label, asOf });
  };
  return (
    <Section title={t('createTitle')}>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('label')}
            placeholder={t('labelPlaceholder')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fields.label?.join(' ')}
            required
            w={320}
          />
          <DateField
            label={t('asOfDate')}
            value={asOf}
            maxDate={today}
            onChange={setAsOf}
            error={fields.asOf?.join(' ')}
            required
            name="asOf"
            w={180}
          />
          <Button type="submit" loading={create.isPending}>
            {t('create')}
          </Button>
        </Group>
      </form>
      {create.isError && Object.keys(fields).length === 0 ? (
        <Alert color="red" role="alert">
          {describeError(create.error, lang)}
        </Alert>
      ) : null}
      {create.data ? (
        <Alert color="teal" role="status" style={{ overflowWrap: 'anywhere' }}>
          {t('created', {
            label: create.data.label,
            participants: create.data.participants,
            hash: create.data.contentHash,
          })}
        </Alert>
      ) : null}
    </Section>
  );
}

function VerifyButton({ trialId, cutId }: { trialId: string; cutId: number }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const [asked, setAsked] = useState(false);
  const v = useQuery({ ...trpc.committee.dataCuts.verify.queryOptions({ trialId, cutId }), enabled: asked });
  if (!asked)
    return (
      <Button size="xs" variant="light" onClick={() => setAsked(true)}>
        {t('verify')}
      </Button>
    );
  if (v.isPending) return <Text size="xs">…</Text>;
  if (v.isError)
    return (
      <Text size="xs" c="red">
        !
      </Text>
    );
  return (
    <Text size="xs" c={v.data.ok ? 'teal' : 'red'} role="status" style={{ overflowWrap: 'anywhere' }}>
      {v.data.ok
        ? t('verified', { hash: v.data.computedHash.slice(0, 16) + '…' })
        : t('verifyFailed', { stored: v.data.storedHash, computed: v.data.computedHash })}
    </Text>
  );
}

export default function DataCutsPage() {
  const trialId = useTrialId();
  const user = useSession();
  const trpc = useTRPC();
  const t = useT(messages);
  const f = useFormat();
  const list = useQuery(trpc.committee.dataCuts.list.queryOptions({ trialId }));
  const canCreate = can(user.role, 'datacut:create');
  // Signatures of cuts are read by those who read participants (the PI signs them here).
  const showSignatures = can(user.role, 'participant:read');
  const cutSignatures = useCutSignatures(trialId);
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  // Exports hold every event: closed like the outcomes (the server refuses them; this only hides buttons).
  const canExport =
    can(user.role, 'export:data') &&
    trial.data !== undefined &&
    outcomesOpenTo(trial.data.definition.outcomeVisibility, user.role);
  return (
    <>
      <PageHeader title={t('cutsTitle')} subtitle={t('cutsSubtitle')} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="lg">
          {canCreate ? <CreateCut trialId={trialId} today={list.data.today} /> : null}
          <Section title={t('listTitle')} description={canExport ? t('exportsHint') : undefined}>
            {list.data.cuts.length === 0 ? (
              <Text c="dimmed">{t('noCuts')}</Text>
            ) : (
              <ScrollTable>
                <Table striped fz="sm" data-testid="cut-list">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('label')}</Table.Th>
                      <Table.Th>{t('asOfDate')}</Table.Th>
                      <Table.Th ta="right">{t('participants')}</Table.Th>
                      <Table.Th>{t('createdAt')}</Table.Th>
                      <Table.Th>SHA-256</Table.Th>
                      <Table.Th />
                      {showSignatures ? <Table.Th>{t('signatureColumn')}</Table.Th> : null}
                      {canExport ? <Table.Th>{t('exportsTitle')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.cuts.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{c.label}</Table.Td>
                        <Table.Td>{f.date(c.asOf)}</Table.Td>
                        <Table.Td ta="right">{c.participants}</Table.Td>
                        <Table.Td>
                          {f.timestamp(c.createdAt)}
                          {c.createdBy ? ` · ${c.createdBy}` : ''}
                        </Table.Td>
                        <Table.Td ff="monospace" title={c.contentHash}>
                          {c.contentHash.slice(0, 12)}…
                        </Table.Td>
                        <Table.Td miw={160}>
                          <VerifyButton trialId={trialId} cutId={c.id} />
                        </Table.Td>
                        {showSignatures ? (
                          <Table.Td miw={180}>
                            <CutSignature trialId={trialId} cut={c} signature={cutSignatures.get(c.id)} />
                          </Table.Td>
                        ) : null}
                        {canExport ? (
                          <Table.Td>
                            <ExportButtons trialId={trialId} cutId={c.id} />
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Section>
          {list.data.cuts.length > 0 ? <CompareSection trialId={trialId} cuts={list.data.cuts} /> : null}
          <MeetingsSection trialId={trialId} cuts={list.data.cuts} />
          <OutcomeVisibilitySetting trialId={trialId} />
        </Stack>
      )}
    </>
  );
}
