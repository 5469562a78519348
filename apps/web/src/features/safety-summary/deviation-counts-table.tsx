// Protocol deviations per centre and category, major and minor, drawn once for the overview's safety panel,
// the deviation log's summary and the committee report. At a phone's width each row stacks into a labelled
// card; `report` draws it in the report's print style.
import { Table } from '@mantine/core';
import type { DeviationCategory } from '@trialdesk/domain';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { countsTableStyle } from './sae-counts-table';
import { safetyMessages } from './safety-messages';

export interface DeviationCell {
  centre: string;
  category: DeviationCategory;
  major: number;
  minor: number;
}

export function DeviationCountsTable({
  cells,
  centreName,
  caption,
  report = false,
  testId,
}: {
  cells: readonly DeviationCell[];
  centreName: (code: string) => string;
  caption?: string;
  report?: boolean;
  testId?: string;
}) {
  const t = useT(safetyMessages);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table {...countsTableStyle(report)} className="tabular stacked" data-testid={testId}>
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colCentre')}</Table.Th>
            <Table.Th scope="col">{t('colCategory')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colMajor')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colMinor')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((c) => (
            <Table.Tr key={`${c.centre}:${c.category}`}>
              <Table.Th scope="row" className="wrap">
                {centreName(c.centre)}
              </Table.Th>
              <Table.Td data-label={t('colCategory')}>{t(`category_${c.category}`)}</Table.Td>
              <Table.Td ta="right" data-label={t('colMajor')}>
                {f.number(c.major)}
              </Table.Td>
              <Table.Td ta="right" data-label={t('colMinor')}>
                {f.number(c.minor)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
