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

/** The headline rate and, beside it, 90-day mortality: each with its exact 95% interval. */
export function HeadlineRate({ safety }: { safety: Safety }) {
  const t = useT(messages);
  const f = useFormat();
  const h = safety.headline;
  const m = safety.mortality;
  const pct = (x: number | null) => (x === null ? '–' : f.percent(x, 1));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Alert
        variant="light"
        color="blue"
        title={t('headlineTitle', { days: h.windowDays })}
        data-testid="headline-rate"
      >
        <Stack gap={2}>
          <Text fw={700} size="lg">
            {t('headlineValue', { count: h.count, total: h.total, rate: pct(h.estimate) })}
          </Text>
          <Text size="sm">{t('headlineCi', { lower: pct(h.lower), upper: pct(h.upper) })}</Text>
          {h.deathsAsGradeV > 0 ? (
            <Text size="sm" data-testid="deaths-as-grade-v">
              {t('headlineDeaths', { n: h.deathsAsGradeV, days: h.windowDays })}
            </Text>
          ) : null}
          {h.incompleteWindow > 0 ? (
            <Text size="sm" c="dimmed">
              {t('headlineIncomplete', { n: h.incompleteWindow, days: h.windowDays })}
            </Text>
          ) : null}
        </Stack>
      </Alert>
      <Alert
        variant="light"
        color="gray"
        title={t('mortalityTitle', { days: m.windowDays })}
        data-testid="mortality-rate"
      >
        <Stack gap={2}>
          <Text fw={700} size="lg">
            {t('mortalityValue', { count: m.count, total: m.total, rate: pct(m.estimate) })}
          </Text>
          <Text size="sm">{t('headlineCi', { lower: pct(m.lower), upper: pct(m.upper) })}</Text>
          {m.incompleteWindow > 0 ? (
            <Text size="sm" c="dimmed">
              {t('mortalityIncomplete', { n: m.incompleteWindow, days: m.windowDays })}
            </Text>
          ) : null}
        </Stack>
      </Alert>
    </SimpleGrid>
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
