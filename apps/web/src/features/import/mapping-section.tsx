// The mapping of the chosen file: every item of the file with the Trialdesk field it feeds, editable in
// place; downloaded as the JSON file the CLI takes, and an edited one uploaded back.
import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import {
  importMappingSchema,
  importTargets,
  type ImportMapping,
  type TrialDefinition,
} from '@trialdesk/domain';
import { useMemo } from 'react';
import { ScrollTable } from '../../components/scroll-table';
import { useT } from '../../i18n/i18n-context';
import { MappingFileControls } from './mapping-file-controls';
import { messages } from './messages';

export type MappingOrigin = { kind: 'starting' } | { kind: 'uploaded'; name: string } | { kind: 'edited' };

/** How the mapping on screen came about, in words: the summary line of the ODM and the CSV mapping sections. */
export function useMappingOriginText(): (origin: MappingOrigin) => string {
  const t = useT(messages);
  return (origin) =>
    origin.kind === 'starting'
      ? t('mappingSource')
      : origin.kind === 'uploaded'
        ? t('mappingUploaded', { name: origin.name })
        : t('mappingEdited');
}

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
  const originText = useMappingOriginText();
  const targets = useMemo(() => [...importTargets(definition).keys()], [definition]);
  const items = Object.entries(mapping.items);
  const mapped = items.filter(([, i]) => i.target !== null).length;

  const setTarget = (item: string, target: string | null) => {
    const current = mapping.items[item];
    if (!current) return;
    onChange({ ...mapping, items: { ...mapping.items, [item]: { ...current, target } } }, { kind: 'edited' });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="mapping-summary">
        {originText(origin)}
        {' · '}
        {t('mappingCount', { mapped, total: items.length, sites: Object.keys(mapping.sites).length })}
      </Text>
      <MappingFileControls
        id="import-mapping-file"
        fileName={fileName}
        mapping={mapping}
        schema={importMappingSchema}
        onUpload={(m, name) => onChange(m, { kind: 'uploaded', name })}
      />
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
