// The report of a dry run (or of the commit): counts, then a table with one row per record and, in it, each
// field with what would be done with it and why; the whole report as CSV for download.
import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { baseName, saveText } from './import-file';
import { messages } from './messages';

export type ImportReportView = RouterOutputs['imports']['dryRun']['report'];
type Action = ImportReportView['rows'][number]['action'];
type RecordKind = ImportReportView['rows'][number]['record'];

/** Rows drawn at most: a report of thousands of records is read in the CSV. */
const MAX_ROWS = 300;

const actionKey = {
  create: 'actionCreate',
  change: 'actionChange',
  unchanged: 'actionUnchanged',
  refused: 'actionRefused',
} as const satisfies Record<Action, string>;
const actionColor: Record<Action, string> = {
  create: 'teal',
  change: 'blue',
  unchanged: 'gray',
  refused: 'red',
};
const recordKey = {
  participant: 'recordParticipant',
  surgery: 'recordSurgery',
  cycle: 'recordCycle',
  assessment: 'recordAssessment',
  event: 'recordEvent',
} as const satisfies Record<RecordKind, string>;

export function ActionBadge({ action }: { action: Action }) {
  const t = useT(messages);
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="outline"
      color={actionColor[action]}
      style={{ overflow: 'visible' }}
    >
      {t(actionKey[action])}
    </Badge>
  );
}

export function ReportSection({ report, csv }: { report: ImportReportView; csv: string }) {
  const t = useT(messages);
  const [onlyRefused, setOnlyRefused] = useState(report.counts.refused > 0);
  const rows = onlyRefused ? report.rows.filter((r) => r.action === 'refused') : report.rows;
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Checkbox
          label={t('onlyRefused')}
          checked={onlyRefused}
          onChange={(e) => setOnlyRefused(e.currentTarget.checked)}
        />
        <Button
          variant="default"
          onClick={() =>
            saveText(`${baseName(report.file.name)}.import-report.csv`, csv, 'text/csv;charset=utf-8')
          }
        >
          {t('downloadReport')}
        </Button>
      </Group>
      {rows.length > shown.length ? (
        <Text size="sm" c="dimmed">
          {t('rowsShown', { shown: shown.length, total: rows.length })}
        </Text>
      ) : null}
      <ScrollTable maxHeight={560}>
        <Table fz="sm" verticalSpacing={6} aria-label={t('reportTable')} data-testid="import-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('colSubject')}</Table.Th>
              <Table.Th scope="col">{t('colRecord')}</Table.Th>
              <Table.Th scope="col">{t('colAction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {/* One body per record: its line, then its fields across the table (readable at 390 px too). */}
          {shown.map((r) => (
            <Table.Tbody key={`${r.subject}|${r.record}|${r.key}`} data-action={r.action}>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.studyId ?? t('newStudyId')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(recordKey[r.record])} {r.record === 'participant' ? '' : r.key}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <ActionBadge action={r.action} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={3} pt={0} pb="sm" style={{ borderTop: 0 }}>
                  <Stack gap={2} pl="sm">
                    {r.messages.map((m) => (
                      <Text key={m} size="sm" c="red.9">
                        {m}
                      </Text>
                    ))}
                    {r.fields.map((f) => (
                      <Text
                        key={`${f.field}|${f.source}`}
                        size="xs"
                        c={f.status === 'refused' ? 'red.9' : undefined}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        <strong>{f.field}</strong> = {f.value}
                        {f.before !== undefined ? ` (${t('wasValue', { before: f.before })})` : ''} ·{' '}
                        {t(actionKey[f.status])}
                        {f.message ? `: ${f.message}` : ''}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          ))}
        </Table>
      </ScrollTable>
    </Stack>
  );
}
