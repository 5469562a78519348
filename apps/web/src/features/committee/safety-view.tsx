// Safety tables shared by the Safety page and the report: the headline rate with its exact interval,
// complications by category and grade, and treatment delivery.
import { Alert, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { deliveryCountLabel } from '@trialdesk/domain';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { messages, type CommitteeKey } from './messages';
import type { Safety } from './types';

const cat = (c: string) => `cat_${c}` as CommitteeKey;
const scale = (s: string) => `scale_${s}` as CommitteeKey;
const mod = (m: string) => `mod_${m}` as CommitteeKey;

export function HeadlineRate({ safety }: { safety: Safety }) {
  const t = useT(messages);
  const f = useFormat();
  const h = safety.headline;
  return (
    <Alert
      variant="light"
      color="blue"
      title={t('headlineTitle', { days: h.windowDays })}
      data-testid="headline-rate"
    >
      <Stack gap={2}>
        <Text fw={700} size="lg">
          {t('headlineValue', {
            count: h.count,
            total: h.total,
            rate: h.estimate === null ? '–' : f.percent(h.estimate, 1),
          })}
        </Text>
        <Text size="sm">
          {t('headlineCi', {
            lower: h.lower === null ? '–' : f.percent(h.lower, 1),
            upper: h.upper === null ? '–' : f.percent(h.upper, 1),
          })}
        </Text>
        {h.incompleteWindow > 0 ? (
          <Text size="sm" c="dimmed">
            {t('headlineIncomplete', { n: h.incompleteWindow, days: h.windowDays })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function ComplicationsTable({ safety }: { safety: Safety }) {
  const t = useT(messages);
  const c = safety.complications;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('complicationsLine', {
          total: c.total,
          participants: c.participantsWithAny,
          all: safety.participants,
        })}
      </Text>
      <ScrollTable>
        <Table striped className="tabular" fz="sm" captionSide="top" data-testid="complications">
          <Table.Caption>{t('complicationsTitle')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('category')}</Table.Th>
              <Table.Th>{t('scale')}</Table.Th>
              <Table.Th>{t('grade')}</Table.Th>
              <Table.Th ta="right">{t('complications')}</Table.Th>
              <Table.Th ta="right">{t('participants')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.cells.map((x) => (
              <Table.Tr key={`${x.category}-${x.scale}-${x.grade}`}>
                <Table.Td>{t(cat(x.category))}</Table.Td>
                <Table.Td>{t(scale(x.scale))}</Table.Td>
                <Table.Td>{x.grade}</Table.Td>
                <Table.Td ta="right">{x.complications}</Table.Td>
                <Table.Td ta="right">{x.participants}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

export function DeliveryTables({ safety }: { safety: Safety }) {
  const t = useT(messages);
  const { lang } = useLang();
  const d = safety.delivery;
  return (
    <Stack gap="md">
      <Text size="sm">{t('deliveryLine', { n: d.withPump, cycles: d.cycleCount })}</Text>
      <ScrollTable>
        <Table className="tabular" fz="sm" withTableBorder data-testid="delivery-counts">
          <Table.Tbody>
            {(['reachedFinalCycle', 'receivedAllCycles'] as const).map((key) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{deliveryCountLabel(key, lang, d.cycleCount)}</Table.Th>
                <Table.Td ta="right">{d[key]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <ScrollTable>
        <Table className="tabular" fz="sm" withTableBorder captionSide="top" data-testid="cycles-given">
          <Table.Caption>{t('cyclesGivenCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="row">{t('cyclesGiven')}</Table.Th>
              {d.cyclesGiven.map((c) => (
                <Table.Th key={c.cycles} ta="right">
                  {c.cycles}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('participants')}</Table.Th>
              {d.cyclesGiven.map((c) => (
                <Table.Td key={c.cycles} ta="right">
                  {c.participants}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <ScrollTable>
          <Table className="tabular" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('modification')}</Table.Th>
                <Table.Th ta="right">{t('cycles')}</Table.Th>
                <Table.Th ta="right">{t('participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.modifications.map((m) => (
                <Table.Tr key={m.modification}>
                  <Table.Td>{t(mod(m.modification))}</Table.Td>
                  <Table.Td ta="right">{m.cycles}</Table.Td>
                  <Table.Td ta="right">{m.participants}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('reasonsTitle')}
          </Title>
          <ScrollTable>
            <Table className="tabular" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('modification')}</Table.Th>
                  <Table.Th>{t('reason')}</Table.Th>
                  <Table.Th ta="right">{t('cycles')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.reasons.map((r) => (
                  <Table.Tr key={`${r.modification}-${r.reason}`}>
                    <Table.Td>{t(mod(r.modification))}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
