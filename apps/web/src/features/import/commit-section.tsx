// The verdict of a dry run and the commit: "Commit import" stays disabled until a dry run of the same file
// and mapping passed with no refusals; a confirmation says what will be written; then the result.
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { trialPath } from '../../app/trial';
import { useLang, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { errorWords } from './error-words';
import type { ChosenFile } from './import-file';
import { messages } from './messages';
import type { ImportReportView } from './report-section';

type Commit = RouterOutputs['imports']['commit'];

export function DryRunVerdict({
  result,
  upToDate,
}: {
  result: { report: ImportReportView };
  upToDate: boolean;
}) {
  const t = useT(messages);
  const { counts, subjects } = result.report;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} data-testid="dry-run-summary">
        {t('summary', { subjects, ...counts })}
      </Text>
      {!upToDate ? (
        <Alert color="yellow" role="status">
          {t('staleNote')}
        </Alert>
      ) : counts.refused > 0 ? (
        <Alert color="red" role="status">
          {t('refusedNote', { refused: counts.refused })}
        </Alert>
      ) : counts.create + counts.change === 0 ? (
        <Alert color="gray" role="status">
          {t('nothingToDo')}
        </Alert>
      ) : (
        <Alert color="teal" role="status">
          {t('readyNote')}
        </Alert>
      )}
    </Stack>
  );
}

export function CommitSection({
  trialId,
  file,
  report,
  busy,
  commit,
  onCommit,
}: {
  trialId: string;
  file: ChosenFile;
  /** The report of a dry run of the file and mapping on screen; null when there is none (or it is stale). */
  report: ImportReportView | null;
  busy: boolean;
  commit: { isPending: boolean; error: unknown; data: Commit | undefined };
  onCommit: () => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const [confirming, setConfirming] = useState(false);
  const done = commit.data;
  const ready =
    report !== null && report.counts.refused === 0 && report.counts.create + report.counts.change > 0;
  if (done?.report.committed)
    return (
      <Stack gap="xs">
        <Alert color="teal" role="status" data-testid="import-result">
          {t('committed', {
            file: done.report.file.name,
            create: done.report.counts.create,
            change: done.report.counts.change,
            seq: String(done.auditEntryId ?? ''),
          })}
        </Alert>
        <Group gap="md">
          <Anchor component={Link} to={trialPath(trialId, 'participants')}>
            {t('openParticipants')}
          </Anchor>
          <Anchor component={Link} to="/admin/audit">
            {t('openAudit')}
          </Anchor>
        </Group>
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Group>
        <Button color="red" disabled={!ready || busy || commit.isPending} onClick={() => setConfirming(true)}>
          {t('commit')}
        </Button>
      </Group>
      {!ready ? (
        <Text size="sm" c="dimmed">
          {t('commitDisabled')}
        </Text>
      ) : null}
      {commit.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('committing', { subjects: report?.subjects ?? file.subjects })}</Text>
        </Group>
      ) : null}
      {done && !done.report.committed ? (
        <Alert color="red" role="alert">
          {t('notCommitted')}
        </Alert>
      ) : null}
      {commit.error ? (
        <Alert color="red" role="alert">
          {errorWords(commit.error, lang)}
        </Alert>
      ) : null}
      {confirming && report ? (
        <Modal opened onClose={() => setConfirming(false)} title={t('confirmTitle')} size="md">
          <Stack gap="md">
            <Text size="sm">
              {t('confirmText', {
                create: report.counts.create,
                change: report.counts.change,
                trial: report.trialId,
                file: report.file.name,
                sha: report.file.sha256.slice(0, 16),
                subjects: report.subjects,
              })}
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  setConfirming(false);
                  onCommit();
                }}
              >
                {t('confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
