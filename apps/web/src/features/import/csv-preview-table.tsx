// A CSV file's columns and first rows, as the file has them, above its column mapping.
import { Stack, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../components/scroll-table';
import { useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { csvMessages } from './csv-messages';

export function CsvPreviewTable({ preview }: { preview: RouterOutputs['imports']['csvPreview'] }) {
  const c = useT(csvMessages);
  return (
    <Stack gap={4}>
      <Text size="sm">{c('previewShown', { shown: preview.rows.length, rows: preview.rowCount })}</Text>
      <ScrollTable maxHeight={260}>
        <Table fz="xs" verticalSpacing={2} withTableBorder aria-label={c('previewTable')}>
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((h, i) => (
                <Table.Th key={i} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                {preview.headers.map((_h, i) => (
                  <Table.Td key={i} style={{ whiteSpace: 'nowrap' }}>
                    {row[i] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
