// The mapping step of a CSV file: its columns with the first rows as the file has them, then which column is
// the study ID, which the site, how its dates are written, and the Trialdesk field each other column feeds
// (or none). It starts from the server's starting mapping; the JSON downloads as the file the CLI takes.
import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import {
  CSV_DATE_FORMATS,
  csvMappingSchema,
  entryMessage,
  importTargets,
  type CsvDateFormat,
  type CsvMapping,
  type TrialDefinition,
} from '@trialdesk/domain';
import { useMemo, useState } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { useLang, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { csvMessages } from './csv-messages';
import { setColumnTarget, setDateFormat, setSiteColumn, setSubjectColumn } from './csv-mapping-state';
import { baseName, mappingJson, readMappingFile, saveText } from './import-file';
import { messages } from './messages';
import type { MappingOrigin } from './mapping-section';

export type CsvPreview = RouterOutputs['imports']['csvPreview'];

function PreviewTable({ preview }: { preview: CsvPreview }) {
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

export function CsvMappingSection({
  definition,
  fileName,
  preview,
  mapping,
  origin,
  onChange,
}: {
  definition: TrialDefinition;
  fileName: string;
  preview: CsvPreview;
  mapping: CsvMapping;
  origin: MappingOrigin;
  onChange: (mapping: CsvMapping, origin: MappingOrigin) => void;
}) {
  const t = useT(messages);
  const c = useT(csvMessages);
  const targets = useMemo(() => [...importTargets(definition).keys()], [definition]);
  const { lang } = useLang();
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (next: CsvMapping) => onChange(next, { kind: 'edited' });
  const upload = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const read = await readMappingFile(file, csvMappingSchema);
    if ('mapping' in read) onChange(read.mapping, { kind: 'uploaded', name: file.name });
    else
      setProblem(
        read.json
          ? entryMessage('import.mapping.invalid', lang, { problem: read.problem })
          : t('mappingNotJson', { problem: read.problem }),
      );
  };
  const columns = preview.headers.filter((h) => mapping.columns[h]);
  const mapped = columns.filter((h) => mapping.columns[h]?.target != null).length;
  const firstValue = (column: string) => {
    const i = preview.headers.indexOf(column);
    return preview.rows.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
  };

  return (
    <Stack gap="sm">
      <PreviewTable preview={preview} />
      <Text size="sm" data-testid="mapping-summary">
        {origin.kind === 'starting'
          ? t('mappingSource')
          : origin.kind === 'uploaded'
            ? t('mappingUploaded', { name: origin.name })
            : t('mappingEdited')}
        {' · '}
        {c('csvMappingCount', { mapped, total: columns.length })}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          size="sm"
          label={c('subjectColumn')}
          value={mapping.subjectColumn}
          onChange={(e) => edit(setSubjectColumn(mapping, e.currentTarget.value))}
          data={preview.headers}
        />
        <NativeSelect
          size="sm"
          label={c('siteColumn')}
          value={mapping.siteColumn ?? ''}
          onChange={(e) => edit(setSiteColumn(mapping, e.currentTarget.value || null))}
          data={[
            { value: '', label: c('noSiteColumn') },
            ...preview.headers.filter((h) => h !== mapping.subjectColumn),
          ]}
        />
        <NativeSelect
          size="sm"
          label={c('dateFormat')}
          value={mapping.dateFormat}
          onChange={(e) => edit(setDateFormat(mapping, e.currentTarget.value as CsvDateFormat))}
          data={[...CSV_DATE_FORMATS]}
        />
        <Button
          variant="default"
          onClick={() =>
            saveText(`${baseName(fileName)}.mapping.json`, mappingJson(mapping), 'application/json')
          }
        >
          {t('mappingDownload')}
        </Button>
        <Stack gap={2}>
          <Text component="label" htmlFor="import-csv-mapping-file" size="sm" fw={500}>
            {t('mappingUploadLabel')}
          </Text>
          <input
            id="import-csv-mapping-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void upload(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </Stack>
      </Group>
      {problem ? (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      ) : null}
      <ScrollTable maxHeight={420}>
        <Table
          striped
          fz="sm"
          verticalSpacing={4}
          data-testid="mapping-table"
          aria-label={c('csvMappingTable')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{c('colColumn')}</Table.Th>
              <Table.Th scope="col">{c('colExample')}</Table.Th>
              <Table.Th scope="col">{t('colTarget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => {
              const target = mapping.columns[column]?.target ?? null;
              return (
                <Table.Tr key={column}>
                  <Table.Td style={{ wordBreak: 'break-word', minWidth: 140 }}>{column}</Table.Td>
                  <Table.Td style={{ minWidth: 100 }}>{firstValue(column)}</Table.Td>
                  <Table.Td style={{ minWidth: 200 }}>
                    <NativeSelect
                      size="xs"
                      aria-label={c('targetOfColumn', { column })}
                      value={target ?? ''}
                      onChange={(e) => edit(setColumnTarget(mapping, column, e.currentTarget.value || null))}
                      data={[
                        { value: '', label: t('notImported') },
                        ...(target && !targets.includes(target) ? [target] : []),
                        ...targets,
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
