// Import data (the data manager, per trial): choose an ODM export or a CSV file (by its extension), check and
// edit the mapping (a CSV file's columns with its first rows, codes, sites and constants), run the dry run
// and read its report, then commit, which is only possible after a dry run of this very file and mapping
// that refused nothing. The server runs the same import as the CLI (packages/api/src/import).
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { entryMessage, type CsvMapping, type ImportMapping } from '@trialdesk/domain';
import { useState } from 'react';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { CommitSection, DryRunVerdict } from './commit-section';
import { csvMessages } from './csv-messages';
import { CsvMappingSection, type CsvPreview, type CsvValueProblem } from './csv-mapping-section';
import { isCsvName } from './csv-mapping-state';
import { errorWords } from './error-words';
import { readChosenFile, TooLarge, type ChosenFile } from './import-file';
import { MappingSection, type MappingOrigin } from './mapping-section';
import { messages } from './messages';
import { ReportSection } from './report-section';

type DryRun = RouterOutputs['imports']['dryRun'];

function Working({ words }: { words: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      <Text size="sm">{words}</Text>
    </Group>
  );
}

export default function ImportPage() {
  const trialId = useTrialId();
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<{ value: ImportMapping | CsvMapping; origin: MappingOrigin } | null>(
    null,
  );
  const [problems, setProblems] = useState<CsvValueProblem[]>([]);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [checked, setChecked] = useState<{ content: string; mapping: string; result: DryRun } | null>(null);
  const c = useT(csvMessages);
  const starting = useMutation(trpc.imports.startingMapping.mutationOptions());
  const csvPreview = useMutation(trpc.imports.csvPreview.mutationOptions());
  const dryRun = useMutation(trpc.imports.dryRun.mutationOptions());
  const commit = useMutation(
    trpc.imports.commit.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries(trpc.participants.pathFilter());
        void qc.invalidateQueries(trpc.overview.pathFilter());
      },
    }),
  );

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setMapping(null);
    setProblems([]);
    setPreview(null);
    setChecked(null);
    setFileProblem(null);
    starting.reset();
    csvPreview.reset();
    dryRun.reset();
    commit.reset();
    if (!chosen) return;
    try {
      const read = await readChosenFile(chosen);
      setFile(read);
      const upload = { trialId, fileName: read.name, content: read.base64 };
      const onSuccess = (r: { mapping: ImportMapping | CsvMapping; problems: CsvValueProblem[] }) => {
        setMapping({ value: r.mapping, origin: { kind: 'starting' } });
        setProblems(r.problems);
      };
      if (isCsvName(read.name)) {
        csvPreview.mutate(upload, { onSuccess: setPreview });
        starting.mutate({ ...upload, format: 'csv' }, { onSuccess });
      } else starting.mutate({ ...upload, format: 'odm' }, { onSuccess });
    } catch (error) {
      setFileProblem(
        error instanceof TooLarge ? entryMessage('import.upload.tooLarge', lang) : String(error),
      );
    }
  };

  const mappingText = mapping ? JSON.stringify(mapping.value) : '';
  const upToDate = checked !== null && checked.content === file?.base64 && checked.mapping === mappingText;
  /** The file and mapping as the procedures take them: the mapping's kind says the file's format. */
  const runInput = (chosen: ChosenFile, m: ImportMapping | CsvMapping) => {
    const upload = { trialId, fileName: chosen.name, content: chosen.base64 };
    return m.format === 'trialdesk-csv-mapping/1'
      ? { ...upload, format: 'csv' as const, mapping: m }
      : { ...upload, format: 'odm' as const, mapping: m };
  };
  const run = () => {
    if (!file || !mapping) return;
    commit.reset();
    dryRun.mutate(runInput(file, mapping.value), {
      onSuccess: (result) => setChecked({ content: file.base64, mapping: mappingText, result }),
    });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg">
        <Section title={t('fileTitle')} description={t('fileHelp')}>
          <Stack gap="xs">
            <Text component="label" htmlFor="import-file" size="sm" fw={500}>
              {t('fileLabel')}
            </Text>
            <input
              id="import-file"
              type="file"
              accept=".xml,application/xml,text/xml,.csv,.tsv,.txt,text/csv"
              onChange={(e) => void choose(e.currentTarget.files?.[0])}
            />
            {file && preview ? (
              <Text size="sm" data-testid="import-file-summary">
                {c('csvChosen', {
                  name: file.name,
                  size: `${f.number(file.bytes / 1024, 1)} kB`,
                  rows: preview.rowCount,
                })}
              </Text>
            ) : file && !isCsvName(file.name) ? (
              <Text size="sm" data-testid="import-file-summary">
                {t('fileChosen', {
                  name: file.name,
                  size: `${f.number(file.bytes / 1024, 1)} kB`,
                  subjects: file.subjects,
                })}
              </Text>
            ) : null}
            {starting.isPending || csvPreview.isPending ? <Working words={t('reading')} /> : null}
            {fileProblem || starting.error || csvPreview.error ? (
              <Alert color="red" role="alert">
                {fileProblem ?? errorWords(starting.error ?? csvPreview.error, lang)}
              </Alert>
            ) : null}
          </Stack>
        </Section>

        {file && mapping && trial.data ? (
          <Section title={t('mappingTitle')} description={t('mappingHelp')}>
            {mapping.value.format === 'trialdesk-csv-mapping/1' ? (
              preview ? (
                <CsvMappingSection
                  definition={trial.data.definition}
                  fileName={file.name}
                  preview={preview}
                  mapping={mapping.value}
                  origin={mapping.origin}
                  problems={problems}
                  onChange={(value, origin) => setMapping({ value, origin })}
                />
              ) : null
            ) : (
              <MappingSection
                definition={trial.data.definition}
                fileName={file.name}
                mapping={mapping.value}
                origin={mapping.origin}
                onChange={(value, origin) => setMapping({ value, origin })}
              />
            )}
          </Section>
        ) : null}

        {file && mapping ? (
          <Section title={t('dryRunTitle')} description={t('dryRunHelp')}>
            <Stack gap="sm">
              <Group>
                <Button onClick={run} disabled={dryRun.isPending || commit.isPending}>
                  {t('dryRun')}
                </Button>
              </Group>
              {dryRun.isPending ? (
                <Working
                  words={
                    preview
                      ? c('runningRows', { rows: preview.rowCount })
                      : t('running', { subjects: file.subjects })
                  }
                />
              ) : null}
              {dryRun.error ? (
                <Alert color="red" role="alert">
                  {errorWords(dryRun.error, lang)}
                </Alert>
              ) : null}
              {checked && !dryRun.isPending ? (
                <>
                  <DryRunVerdict result={checked.result} upToDate={upToDate} />
                  <ReportSection report={checked.result.report} csv={checked.result.csv} />
                </>
              ) : null}
            </Stack>
          </Section>
        ) : null}

        {file && mapping ? (
          <Section title={t('commitTitle')} description={t('commitHelp')}>
            <CommitSection
              trialId={trialId}
              file={file}
              report={upToDate ? checked.result.report : null}
              busy={dryRun.isPending}
              commit={{ isPending: commit.isPending, error: commit.error, data: commit.data }}
              onCommit={() => commit.mutate(runInput(file, mapping.value))}
            />
          </Section>
        ) : null}
      </Stack>
    </>
  );
}
