// The mapping of the chosen file: every item of the file with the Trialdesk field it feeds, editable in
// place; downloaded as the JSON file the CLI takes, and an edited one uploaded back.
import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { entryMessage, importTargets, type ImportMapping, type TrialDefinition } from '@trialdesk/domain';
import { useMemo, useState } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { useLang, useT } from '../../i18n/i18n-context';
import { baseName, mappingJson, readMappingFile, saveText } from './import-file';
import { messages } from './messages';

export type MappingOrigin = { kind: 'starting' } | { kind: 'uploaded'; name: string } | { kind: 'edited' };

export function MappingSection({
  definition,
  fileName,
  mapping,
  origin,
  onChange,
}: {
  definition: TrialDefinition;
  fileName: string;
  mapping: ImportMapping;
  origin: MappingOrigin;
  onChange: (mapping: ImportMapping, origin: MappingOrigin) => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const [problem, setProblem] = useState<string | null>(null);
  const targets = useMemo(() => [...importTargets(definition).keys()], [definition]);
  const items = Object.entries(mapping.items);
  const mapped = items.filter(([, i]) => i.target !== null).length;

  const setTarget = (item: string, target: string | null) => {
    const current = mapping.items[item];
    if (!current) return;
    onChange({ ...mapping, items: { ...mapping.items, [item]: { ...current, target } } }, { kind: 'edited' });
  };

  const upload = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const read = await readMappingFile(file);
    if ('mapping' in read) onChange(read.mapping, { kind: 'uploaded', name: file.name });
    else
      setProblem(
        read.json
          ? entryMessage('import.mapping.invalid', lang, { problem: read.problem })
          : t('mappingNotJson', { problem: read.problem }),
      );
  };

  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="mapping-summary">
        {origin.kind === 'starting'
          ? t('mappingSource')
          : origin.kind === 'uploaded'
            ? t('mappingUploaded', { name: origin.name })
            : t('mappingEdited')}
        {' · '}
        {t('mappingCount', { mapped, total: items.length, sites: Object.keys(mapping.sites).length })}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Button
          variant="default"
          onClick={() =>
            saveText(`${baseName(fileName)}.mapping.json`, mappingJson(mapping), 'application/json')
          }
        >
          {t('mappingDownload')}
        </Button>
        <Stack gap={2}>
          <Text component="label" htmlFor="import-mapping-file" size="sm" fw={500}>
            {t('mappingUploadLabel')}
          </Text>
          <input
            id="import-mapping-file"
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
        <Table striped fz="sm" verticalSpacing={4} data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('colItem')}</Table.Th>
              <Table.Th scope="col">{t('colLabel')}</Table.Th>
              <Table.Th scope="col">{t('colTarget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(([item, m]) => (
              <Table.Tr key={item}>
                <Table.Td style={{ wordBreak: 'break-all', minWidth: 120 }}>{item}</Table.Td>
                <Table.Td style={{ minWidth: 160 }}>{m.label ?? ''}</Table.Td>
                <Table.Td style={{ minWidth: 200 }}>
                  <NativeSelect
                    size="xs"
                    aria-label={t('targetOf', { item: m.label ?? item })}
                    value={m.target ?? ''}
                    onChange={(e) => setTarget(item, e.currentTarget.value || null)}
                    data={[
                      { value: '', label: t('notImported') },
                      ...(m.target && !targets.includes(m.target) ? [m.target] : []),
                      ...targets,
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
