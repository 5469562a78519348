// Enrolment per centre: numbers only, so a table (the accrual chart shows the same per centre over time).
import { Stack, Table, Text } from '@mantine/core';
import { AssumptionMark } from '../../components/assumption-badge';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { common } from '../../i18n/common-messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { CentrePaging } from './centre-page';
import { CentrePager } from './centre-pager';
import type { Overview } from './types';

export function CentresSection({ overview, paging }: { overview: Overview; paging: CentrePaging }) {
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const assumptions = overview.trial.assumptions;
  return (
    <Section title={t('centresTitle')}>
      <Stack gap="sm">
        <ScrollTable>
          <Table striped highlightOnHover className="tabular" verticalSpacing="sm">
            <Table.Caption>{t('centresCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('colCentre')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colIncluded')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  <Stack gap={2} align="flex-end">
                    {t('colTarget')}
                    <AssumptionMark assumptions={assumptions} setting="centres.target" />
                  </Stack>
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colShareTotal')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colShareTarget')}
                </Table.Th>
                <Table.Th scope="col">
                  <Stack gap={2} align="flex-start">
                    {t('colActivation')}
                    <AssumptionMark assumptions={assumptions} setting="centres.activationDate" />
                  </Stack>
                </Table.Th>
                <Table.Th scope="col">{t('colFirst')}</Table.Th>
                <Table.Th scope="col">{t('colLast')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.centres.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Th scope="row">
                    <Text fw={600} size="sm">
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.code} · {c.city}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right">{f.number(c.included)}</Table.Td>
                  <Table.Td ta="right">{f.number(c.target)}</Table.Td>
                  <Table.Td ta="right">{f.percent(c.shareOfTotal)}</Table.Td>
                  <Table.Td ta="right">{f.percent(c.shareOfTarget)}</Table.Td>
                  <Table.Td>{f.date(c.activationDate)}</Table.Td>
                  <Table.Td>{f.date(c.firstInclusion)}</Table.Td>
                  <Table.Td>{f.date(c.lastInclusion)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{tc('total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {f.number(overview.inclusion.included)}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {f.number(overview.inclusion.target)}
                </Table.Td>
                <Table.Td colSpan={5} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
        <CentrePager paging={paging} label={t('centresPagination')} />
      </Stack>
    </Section>
  );
}
