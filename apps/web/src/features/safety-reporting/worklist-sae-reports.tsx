// The worklist's overdue safety reports (server: entry.worklist.get saeReports): an initial SAE report past
// its 24 hours (a death not reported included) or a SUSAR report past its 7 or 15 days, most overdue first,
// each linked to the participant's page where the SAE is reported or followed up.
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { trialPath } from '../../app/trial';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { worklistMessages } from './worklist-messages';

type SaeReport = RouterOutputs['entry']['worklist']['get']['trials'][number]['saeReports'][number];

export function WorklistSaeReports({ trialId, rows }: { trialId: string; rows: readonly SaeReport[] }) {
  const t = useT(worklistMessages);
  const f = useFormat();
  const title = `${t('title')} (${rows.length})`;
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <Text size="sm">{t('nothing')}</Text>
      ) : (
        <ScrollTable maxHeight={420}>
          <Table striped className="tabular" verticalSpacing="xs">
            <Table.Caption>{t('title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('colStudyId')}</Table.Th>
                <Table.Th scope="col">{t('colReport')}</Table.Th>
                <Table.Th scope="col">{t('colEvent')}</Table.Th>
                <Table.Th scope="col">{t('colDue')}</Table.Th>
                <Table.Th scope="col">{t('colOverdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.eventId}-${r.report}`}>
                  <Table.Th scope="row">
                    <Anchor
                      component={Link}
                      to={trialPath(trialId, `participants/${r.studyId}`)}
                      ff="monospace"
                    >
                      {r.studyId}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {r.report === 'susar'
                      ? t('susarReport')
                      : r.saeId === null
                        ? t('deathReport')
                        : t('initialReport')}
                  </Table.Td>
                  <Table.Td className="wrap">{r.eventTerm}</Table.Td>
                  <Table.Td>{f.timestamp(r.dueAt)}</Table.Td>
                  <Table.Td>{t('hoursOverdue', { n: r.hoursOverdue })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}
