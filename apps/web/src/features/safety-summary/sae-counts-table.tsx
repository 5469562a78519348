// The SAE counts drawn once for every screen that shows them (the overview's safety panel, the SAE listing's
// head for the steering committee and everyone else, the committee report): per centre with a total for
// all centres, and per seriousness criterion. At a phone's width each centre's row stacks into a labelled
// card; `report` draws them in the report's smaller, unstriped print style.
import { Table, type TableProps } from '@mantine/core';
import type { SeriousCriterion } from '@trialdesk/domain';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { safetyMessages } from './safety-messages';

export interface SaeCentreCounts {
  centre: string;
  saes: number;
  susars: number;
  initialOverdue: number;
  lateReports: number;
}

/** Mantine props of the two styles: the screen's striped tables, the report's print-like ones. */
export function countsTableStyle(report: boolean): TableProps {
  return report ? { fz: 'sm' } : { striped: true, verticalSpacing: 4 };
}

const figures = ['saes', 'susars', 'initialOverdue', 'lateReports'] as const;
const headers = {
  saes: 'colSaes',
  susars: 'colSusars',
  initialOverdue: 'colInitialOverdue',
  lateReports: 'colLateReports',
} as const;

export function SaeCountsTable({
  rows,
  centreName,
  caption,
  report = false,
  testId,
}: {
  rows: readonly SaeCentreCounts[];
  centreName: (code: string) => string;
  caption: string;
  report?: boolean;
  testId?: string;
}) {
  const t = useT(safetyMessages);
  const f = useFormat();
  const total = rows.reduce(
    (s, r) => ({
      centre: '',
      saes: s.saes + r.saes,
      susars: s.susars + r.susars,
      initialOverdue: s.initialOverdue + r.initialOverdue,
      lateReports: s.lateReports + r.lateReports,
    }),
    { centre: '', saes: 0, susars: 0, initialOverdue: 0, lateReports: 0 },
  );
  return (
    <ScrollTable>
      <Table {...countsTableStyle(report)} className="tabular stacked" data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colCentre')}</Table.Th>
            {figures.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {t(headers[k])}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.centre}>
              <Table.Th scope="row" className="wrap">
                {centreName(r.centre)}
              </Table.Th>
              {figures.map((k) => (
                <Table.Td
                  key={k}
                  ta="right"
                  c={k === 'initialOverdue' && r[k] > 0 ? 'red.8' : undefined}
                  data-label={t(headers[k])}
                >
                  {f.number(r[k])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('allCentres')}</Table.Th>
            {figures.map((k) => (
              <Table.Td key={k} ta="right" fw={700} data-label={t(headers[k])}>
                {f.number(total[k])}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}

/** SAEs per seriousness criterion (an SAE meeting two criteria counts under each). */
export function SaeCriteriaTable({
  rows,
  caption,
  countHeader,
  report = false,
}: {
  rows: readonly { criterion: SeriousCriterion; n: number }[];
  caption?: string;
  countHeader: string;
  report?: boolean;
}) {
  const t = useT(safetyMessages);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table {...countsTableStyle(report)} className="tabular">
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colCriterion')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {countHeader}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.criterion}>
              <Table.Th scope="row" className="wrap">
                {t(`criterion_${c.criterion}`)}
              </Table.Th>
              <Table.Td ta="right">{f.number(c.n)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
