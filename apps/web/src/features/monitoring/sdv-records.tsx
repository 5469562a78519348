// A participant's records against the SDV plan: what must be verified, the marks on each record and field,
// and marks a correction removed (said in words). The monitor marks a record, or one field, verified.
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can, fieldName, queryFields, recordLabel } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';

type SdvRecord = RouterOutputs['sdv']['participant']['records'][number];

export function SdvRecords({
  trialId,
  studyId,
  records,
}: {
  trialId: string;
  studyId: string;
  records: readonly SdvRecord[];
}) {
  const t = useT(messages);
  return (
    <ScrollTable>
      <Table striped verticalSpacing="xs" miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('colRecord')}</Table.Th>
            <Table.Th>{t('colRequirement')}</Table.Th>
            <Table.Th>{t('colMarks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <SdvRow key={`${r.recordType}:${r.recordId}`} trialId={trialId} studyId={studyId} record={r} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function SdvRow({ trialId, studyId, record }: { trialId: string; studyId: string; record: SdvRecord }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const user = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [field, setField] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const verify = useMutation(
    trpc.sdv.verify.mutationOptions({
      onSuccess: (r) => {
        setSaid(r.alreadyVerified ? t('alreadyVerified') : t('verified'));
        setField(null);
        void queryClient.invalidateQueries(trpc.sdv.pathFilter());
      },
    }),
  );
  const label =
    record.recordType === 'participant' ? t('record_participant') : recordLabel(record.label, lang);
  const target = {
    trialId,
    studyId,
    recordType: record.recordType,
    ...(record.recordType === 'participant' ? {} : { recordId: record.recordId }),
  };
  const mayVerify = can(user.role, 'sdv:verify');
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={record.requirement === 'none' ? 'gray' : 'indigo'}>
          {t(`requirement_${record.requirement}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {record.verified ? (
            <Text size="sm" c="teal">
              ✓ {t('verifiedBy', { name: record.verified.byName, when: f.timestamp(record.verified.at) })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('notVerified')}
            </Text>
          )}
          {record.fields.length ? (
            <Group gap={4}>
              {record.fields.map((m) => (
                <Badge key={m.field} color="teal" variant="outline" size="sm">
                  {t('fieldVerified', { field: fieldName(m.field, lang) })}
                </Badge>
              ))}
            </Group>
          ) : null}
          {record.ended.slice(0, 3).map((e, i) => (
            <Text key={`${e.endedAt}-${i}`} size="xs" c="orange.8">
              {t('markRemoved', {
                what: e.field ? fieldName(e.field, lang) : t('wholeRecord'),
                cause: t(`cause_${e.cause}`),
                name: e.endedByName,
                when: f.timestamp(e.endedAt),
              })}
            </Text>
          ))}
          {mayVerify ? (
            <Group gap="xs" wrap="wrap">
              {!record.verified ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={verify.isPending && !field}
                  aria-label={t('verifyRecord', { record: label })}
                  onClick={() => verify.mutate(target)}
                >
                  {t('verify')}
                </Button>
              ) : null}
              <Select
                size="xs"
                aria-label={`${t('chooseField')} (${label})`}
                placeholder={t('chooseField')}
                data={queryFields[record.recordType].map((x) => ({ value: x, label: fieldName(x, lang) }))}
                value={field}
                onChange={setField}
                w={180}
              />
              <Button
                size="compact-xs"
                variant="default"
                disabled={!field}
                onClick={() => field && verify.mutate({ ...target, field })}
              >
                {t('verifyField')}
              </Button>
            </Group>
          ) : null}
          {said ? (
            <Text size="xs" c="teal" role="status">
              {said}
            </Text>
          ) : null}
          {verify.error ? (
            <Text size="xs" c="red" role="alert">
              {describeError(verify.error, lang)}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
