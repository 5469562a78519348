// The parts of a CSV column mapping that are typed rather than chosen: the codes of a coded or yes/no column
// (each value of the file → the value Trialdesk takes), the file's sites → the trial's centres, and the
// constants of every record. Every edit goes into the mapping as typed; the server checks the whole mapping
// (check-csv-mapping.ts) at the dry run and the page shows its words, the same check an uploaded file gets.
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { CsvMapping, TargetType, TrialDefinition } from '@trialdesk/domain';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { csvMessages } from './csv-messages';
import { setColumnCode, setConstant, setSite } from './csv-mapping-state';

const allowedOf = (type: TargetType | undefined) =>
  type?.kind === 'boolean' ? 'true, false' : type?.kind === 'code' ? type.values.join(', ') : null;

/** One input per value of a coded or yes/no column: the value Trialdesk reads it as. */
export function CodesEditor({
  mapping,
  column,
  type,
  values,
  onChange,
}: {
  mapping: CsvMapping;
  column: string;
  type: TargetType | undefined;
  /** The column's values: those the codes name and those the file shows. */
  values: string[];
  onChange: (mapping: CsvMapping) => void;
}) {
  const c = useT(csvMessages);
  const allowed = allowedOf(type);
  if (allowed === null) return null;
  const codes = mapping.columns[column]?.codes ?? {};
  return (
    <Stack gap={2}>
      {values.map((value) => (
        <Group key={value} gap={6} wrap="nowrap">
          <Text size="xs" style={{ minWidth: 60, wordBreak: 'break-word' }}>
            {value} →
          </Text>
          <TextInput
            size="xs"
            w={130}
            aria-label={c('codeFor', { value, column })}
            placeholder={allowed}
            value={codes[value] ?? ''}
            onChange={(e) => onChange(setColumnCode(mapping, column, value, e.currentTarget.value))}
          />
        </Group>
      ))}
    </Stack>
  );
}

/** The file's site values, each with the centre code it stands for. */
export function SitesEditor({
  definition,
  mapping,
  values,
  onChange,
}: {
  definition: TrialDefinition;
  mapping: CsvMapping;
  values: string[];
  onChange: (mapping: CsvMapping) => void;
}) {
  const c = useT(csvMessages);
  if (mapping.siteColumn === null) return null;
  const centres = definition.centres.map((x) => `${x.code} (${x.name})`).join(', ');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="h3" m={0}>
        {c('sitesTitle', { column: mapping.siteColumn })}
      </Text>
      <Text size="xs" c="dimmed">
        {c('centresAre', { centres })}
      </Text>
      <Group gap="sm" wrap="wrap">
        {values.map((site) => (
          <TextInput
            key={site}
            size="xs"
            w={200}
            label={c('centreFor', { site })}
            value={mapping.sites[site] ?? ''}
            onChange={(e) => onChange(setSite(mapping, site, e.currentTarget.value))}
          />
        ))}
      </Group>
    </Stack>
  );
}

/** The constants of every record of the file, each editable; a new one from a field and a typed value. */
export function ConstantsEditor({
  mapping,
  targets,
  onChange,
}: {
  mapping: CsvMapping;
  targets: string[];
  onChange: (mapping: CsvMapping) => void;
}) {
  const c = useT(csvMessages);
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const constants = Object.entries(mapping.constants);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="h3" m={0}>
        {c('constantsTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {c('constantsHelp')}
      </Text>
      {constants.length > 0 ? (
        <Table fz="sm" verticalSpacing={2} aria-label={c('constantsTitle')} w="auto">
          <Table.Tbody>
            {constants.map(([target, v]) => (
              <Table.Tr key={target}>
                <Table.Td>{target}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={c('constantValue', { field: target })}
                    value={String(v)}
                    onChange={(e) => onChange(setConstant(mapping, target, e.currentTarget.value))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={c('newConstantField')}
          value={field}
          onChange={(e) => setField(e.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...targets]}
        />
        <TextInput
          size="xs"
          label={c('newConstantValue')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Button
          size="xs"
          variant="default"
          disabled={field === '' || value.trim() === ''}
          onClick={() => {
            onChange(setConstant(mapping, field, value.trim()));
            setField('');
            setValue('');
          }}
        >
          {c('addConstant')}
        </Button>
      </Group>
    </Stack>
  );
}
