// Baseline characteristics ("Table 1") in the report's open part: one column per centre and one for all,
// a row per characteristic (per value for counted ones), missing values on their own line where any.
// Every number comes from the API (build-baseline.ts); this only lays it out.
import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { ScrollTable } from '../../../components/scroll-table';
import { Section } from '../../../components/section';
import { useFormat, useLang, useT } from '../../../i18n/i18n-context';
import type { Report } from '../types';
import { messages } from './messages';

type Baseline = Report['baseline'];
type Row = Baseline['rows'][number];

export function BaselineTable({ baseline }: { baseline: Baseline }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const num = (x: number | null) => (x === null ? t('none') : f.number(x, 1));
  const rowLabel = (r: Row) =>
    r.id === 'age'
      ? t('ageYears')
      : r.kind === 'continuous' && r.unit !== ''
        ? t('withUnit', { label: r.label[lang], unit: r.unit })
        : r.label[lang];
  const levelLabel = (r: Row, level: string, label: string) =>
    r.id === 'sex' ? (level === 'female' ? t('female') : t('male')) : label;
  const missingOf = (r: Row) => (r.kind === 'continuous' ? r.cells.map((c) => c.missing) : r.missing);
  return (
    <Section title={t('title')} description={t('hint')}>
      <ScrollTable>
        <Table className="tabular" fz="sm" verticalSpacing={4} data-testid="baseline-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('characteristic')}</Table.Th>
              {baseline.groups.map((g) => (
                <Table.Th key={g.centre ?? 'all'} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {g.centre === null ? t('all', { n: g.n }) : t('group', { centre: g.centre, n: g.n })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {baseline.rows.map((r) => (
              <Fragment key={r.id}>
                <Table.Tr>
                  <Table.Td fw={600}>{rowLabel(r)}</Table.Td>
                  {r.kind === 'continuous'
                    ? r.cells.map((c, i) => (
                        <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {c.median === null
                            ? t('none')
                            : t('medianIqr', { median: num(c.median), q1: num(c.q1), q3: num(c.q3) })}
                        </Table.Td>
                      ))
                    : baseline.groups.map((g) => <Table.Td key={g.centre ?? 'all'} />)}
                </Table.Tr>
                {r.kind === 'categorical'
                  ? r.levels.map((l) => (
                      <Table.Tr key={l.level}>
                        <Table.Td pl="lg">{levelLabel(r, l.level, l.label[lang])}</Table.Td>
                        {l.cells.map((c, i) => (
                          <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {c.proportion === null
                              ? String(c.count)
                              : t('countShare', { count: c.count, share: f.percent(c.proportion, 1) })}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : null}
                {missingOf(r).some((m) => m > 0) ? (
                  <Table.Tr>
                    <Table.Td pl="lg">
                      <Text size="sm" c="dimmed">
                        {t('missing')}
                      </Text>
                    </Table.Td>
                    {missingOf(r).map((m, i) => (
                      <Table.Td key={i} ta="right">
                        {m}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed" mt="xs">
        {t('summaryNote')}
      </Text>
    </Section>
  );
}
