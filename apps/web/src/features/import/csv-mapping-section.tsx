// The mapping step of a CSV file: its columns with the first rows as the file has them, then which column is
// the study ID, which the site, how its dates are written, the Trialdesk field each other column feeds (or
// none) with the codes of a coded column, the sites' centres and the constants of every record. It starts
// from the server's starting mapping (its guesses marked, the values it cannot read listed); the JSON
// downloads as the file the CLI takes, edits included, and an uploaded one replaces it.
import { Alert, Badge, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import {
  CSV_DATE_FORMATS,
  csvMappingSchema,
  importTargets,
  type CsvDateFormat,
  type CsvMapping,
  type TrialDefinition,
} from '@trialdesk/domain';
import { useMemo } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { CodesEditor, ConstantsEditor, SitesEditor } from './csv-mapping-editors';
import { csvMessages } from './csv-messages';
import { setColumnTarget, setDateFormat, setSiteColumn, setSubjectColumn } from './csv-mapping-state';
import { CsvPreviewTable } from './csv-preview-table';
import { MappingFileControls } from './mapping-file-controls';
import { useMappingOriginText, type MappingOrigin } from './mapping-section';
import { messages } from './messages';

export type CsvPreview = RouterOutputs['imports']['csvPreview'];
export type CsvValueProblem = RouterOutputs['imports']['startingMapping']['problems'][number];

/** The distinct values of a column: those the mapping's codes name first, then those the file holds. */
function valuesOf(preview: CsvPreview, mapping: CsvMapping, column: string): string[] {
  const codes = Object.keys(mapping.columns[column]?.codes ?? {});
  return [...new Set([...codes, ...(preview.values[column] ?? [])].filter((v) => v !== ''))];
}

export function CsvMappingSection({
  definition,
  fileName,
  preview,
  mapping,
  origin,
  problems,
  onChange,
}: {
  definition: TrialDefinition;
  fileName: string;
  preview: CsvPreview;
  mapping: CsvMapping;
  origin: MappingOrigin;
  /** Values the starting mapping cannot read, as the server named them. */
  problems: CsvValueProblem[];
  onChange: (mapping: CsvMapping, origin: MappingOrigin) => void;
}) {
  const t = useT(messages);
  const c = useT(csvMessages);
  const originText = useMappingOriginText();
  const types = useMemo(() => importTargets(definition), [definition]);
  const targets = useMemo(() => [...types.keys()], [types]);
  const edit = (next: CsvMapping) => onChange(next, { kind: 'edited' });
  const columns = preview.headers.filter((h) => mapping.columns[h]);
  const mapped = columns.filter((h) => mapping.columns[h]?.target != null).length;
  const guessed = columns.filter((h) => mapping.columns[h]?.guessed).length;
  const firstValue = (column: string) => {
    const i = preview.headers.indexOf(column);
    return preview.rows.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
  };
  const sites =
    mapping.siteColumn === null
      ? []
      : [...new Set([...Object.keys(mapping.sites), ...valuesOf(preview, mapping, mapping.siteColumn)])];

  return (
    <Stack gap="sm">
      <CsvPreviewTable preview={preview} />
      <Text size="sm" data-testid="mapping-summary">
        {originText(origin)}
        {' · '}
        {c('csvMappingCount', { mapped, total: columns.length })}
        {guessed > 0 ? ` · ${c('guessedCount', { n: guessed })}` : ''}
      </Text>
      {origin.kind === 'starting' && problems.length > 0 ? (
        <Alert
          color="yellow"
          title={c('problemsTitle', { n: problems.length })}
          data-testid="mapping-problems"
        >
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={`${p.column}\u0000${p.value}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <MappingFileControls
        id="import-csv-mapping-file"
        fileName={fileName}
        mapping={mapping}
        schema={csvMappingSchema}
        onUpload={(m, name) => onChange(m, { kind: 'uploaded', name })}
      >
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
      </MappingFileControls>
      <ScrollTable maxHeight={480}>
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
              <Table.Th scope="col">{c('colCodes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => {
              const m = mapping.columns[column];
              const target = m?.target ?? null;
              const values = valuesOf(preview, mapping, column);
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
                    {m?.guessed ? (
                      <Badge size="xs" variant="light" color="yellow" mt={2}>
                        {c('guessed')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ minWidth: 200 }}>
                    {target ? (
                      <CodesEditor
                        mapping={mapping}
                        column={column}
                        type={types.get(target)}
                        values={values}
                        onChange={edit}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <SitesEditor definition={definition} mapping={mapping} values={sites} onChange={edit} />
      <ConstantsEditor mapping={mapping} targets={targets} onChange={edit} />
    </Stack>
  );
}
