// What is new since a meeting: an earlier cut against a later cut or live data, by centre.
import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryView } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages, type CommitteeKey } from './messages';
import type { Comparison, CutList } from './types';

type Counts = Comparison['changed'];
const KINDS = ['screenings', 'inclusions', 'cycles', 'assessments'] as const;
const EVENTS = ['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up'] as const;

function values(c: Counts): number[] {
  return [...KINDS.map((k) => c[k]), ...EVENTS.map((e) => c.events[e])];
}

export function CompareSection({ trialId, cuts }: { trialId: string; cuts: CutList }) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const oldest = cuts.at(-1);
  const [from, setFrom] = useState<string>(String(oldest?.id ?? ''));
  const [to, setTo] = useState<string>('live');
  const options = cuts.map((c) => ({ value: String(c.id), label: `${c.label} (${f.date(c.asOf)})` }));
  const q = useQuery({
    ...trpc.committee.dataCuts.compare.queryOptions({
      trialId,
      fromCutId: Number(from),
      toCutId: to === 'live' ? null : Number(to),
    }),
    enabled: from !== '',
  });
  const headers: CommitteeKey[] = [
    ...KINDS.map((k) => `kind_${k}` as const),
    ...EVENTS.map((e) => `kind_${e}` as const),
  ];
  return (
    <Section title={t('compareTitle')}>
      <Group wrap="wrap">
        <Select
          label={t('compareFrom')}
          data={options}
          value={from}
          onChange={(v) => setFrom(v ?? '')}
          allowDeselect={false}
          w={300}
        />
        <Select
          label={t('compareTo')}
          data={[{ value: 'live', label: t('sourceLive') }, ...options]}
          value={to}
          onChange={(v) => setTo(v ?? 'live')}
          allowDeselect={false}
          w={300}
        />
      </Group>
      <QueryView query={q} retry={false}>
        {(data) => (
          <Stack gap="xs">
            <ScrollTable>
              <Table striped fz="sm" className="tabular" data-testid="comparison">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {headers.map((h) => (
                      <Table.Th key={h} ta="right">
                        {t(h)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.comparison.added.byCentre.map((c) => (
                    <Table.Tr key={c.centre}>
                      <Table.Th scope="row">
                        {t('added')}: {c.centre}
                      </Table.Th>
                      {values(c).map((v, i) => (
                        <Table.Td key={i} ta="right">
                          {v}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  {(
                    [
                      ['added', data.comparison.added.total],
                      ['updated', data.comparison.changed],
                      ['removed', data.comparison.removed],
                    ] as const
                  ).map(([k, c]) => (
                    <Table.Tr key={k} fw={k === 'added' ? 700 : 400}>
                      <Table.Th scope="row">{k === 'added' ? `${t('added')}: ${t('total')}` : t(k)}</Table.Th>
                      {values(c).map((v, i) => (
                        <Table.Td key={i} ta="right">
                          {v}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="xs" c="dimmed">
              {f.date(data.comparison.from.asOf)} → {f.date(data.comparison.to.asOf)}
            </Text>
          </Stack>
        )}
      </QueryView>
    </Section>
  );
}
