// Download and upload of the mapping as the JSON file the CLI takes, for either kind of mapping (an ODM item
// mapping or a CSV column mapping): the mapping shown is saved as it stands, edits included, and an uploaded
// file replaces it once it passes the mapping's schema, or its problem is shown in the page's language.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { entryMessage, type CsvMapping, type ImportMapping } from '@trialdesk/domain';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { useLang, useT } from '../../i18n/i18n-context';
import { baseName, mappingJson, readMappingFile, saveText } from './import-file';
import { messages } from './messages';

export function MappingFileControls<M extends ImportMapping | CsvMapping>({
  id,
  fileName,
  mapping,
  schema,
  onUpload,
  children,
}: {
  /** The id of the upload input (one per page). */
  id: string;
  /** The chosen data file, whose name the saved mapping takes. */
  fileName: string;
  mapping: M;
  schema: z.ZodType<M>;
  onUpload: (mapping: M, name: string) => void;
  /** Controls shown before the buttons (the CSV mapping's column choices). */
  children?: ReactNode;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const read = await readMappingFile(file, schema);
    if ('mapping' in read) onUpload(read.mapping, file.name);
    else
      setProblem(
        read.json
          ? entryMessage('import.mapping.invalid', lang, { problem: read.problem })
          : t('mappingNotJson', { problem: read.problem }),
      );
  };
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {children}
        <Button
          variant="default"
          onClick={() =>
            saveText(`${baseName(fileName)}.mapping.json`, mappingJson(mapping), 'application/json')
          }
        >
          {t('mappingDownload')}
        </Button>
        <Stack gap={2}>
          <Text component="label" htmlFor={id} size="sm" fw={500}>
            {t('mappingUploadLabel')}
          </Text>
          <input
            id={id}
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
    </>
  );
}
