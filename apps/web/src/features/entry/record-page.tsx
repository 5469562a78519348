// Data entry for one participant: record surgery and pump, pump visits, assessments and events, and
// correct or void saved records with a reason. Who may do what is the server's decision; the buttons
// follow the permission table so that a PI sees corrections only.
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { AssessmentDialog } from './assessment-dialog';
import { CorrectDialog } from './correct-dialog';
import { participantCorrectable } from './corrections-form';
import { CycleDialog, nextCycleNumber } from './cycle-dialog';
import { EventDialog } from './event-dialog';
import { messages } from './messages';
import { coveringLock, lockRefusal } from '../locks/lock-words';
import { useLocks } from '../locks/use-locks';
import { ParticipantMonitoring } from '../monitoring/participant-monitoring';
import type { Dialog } from './record-dialog';
import { RecordsTable } from './records-table';
import { SurgeryDialog } from './surgery-dialog';
import { VoidDialog } from './void-dialog';

export default function RecordPage() {
  const trialId = useTrialId();
  const studyId = useParams().studyId ?? '';
  const trpc = useTRPC();
  const t = useT(messages);
  const f = useFormat();
  const user = useSession();
  const { lang } = useLang();
  const locks = useLocks(trialId, studyId);
  const detail = useQuery(trpc.participants.get.queryOptions({ trialId, studyId }));
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<{ text: string; warning: boolean } | null>(null);
  if (detail.isPending || trial.isPending) return <PageLoader />;
  if (detail.isError)
    return (
      <>
        <PageHeader title={t('recordTitle', { studyId })} />
        <PageError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  if (trial.isError) return <PageError error={trial.error} onRetry={() => void trial.refetch()} />;
  const d = detail.data;
  const def = trial.data.definition;
  const p = d.participant;
  const writes = can(user.role, 'clinical:write') && p.voided === null;
  const corrects = can(user.role, 'clinical:correct') && p.voided === null;
  const stopped = d.cycles.some((c) => c.voided === null && c.modification === 'stopped');
  const cyclesOpen =
    def.treatment !== null &&
    p.pumpDate !== null &&
    !stopped &&
    nextCycleNumber(d) <= def.treatment.cycleCount;
  const done = (text: string, warning = false) => {
    setDialog(null);
    setNotice({ text, warning });
  };
  const close = () => setDialog(null);
  // A lock of the trial or the participant refuses every change here: the buttons give way to the
  // server's own refusal; a lock of one record does the same in that record's row.
  const wholeLock = coveringLock(locks, p.studyId);
  return (
    <>
      <PageHeader
        title={t('recordTitle', { studyId: p.studyId })}
        subtitle={t('summary', {
          inclusion: f.date(p.inclusionDate),
          surgery: p.surgeryDate ? f.date(p.surgeryDate) : t('notYet'),
          pump: p.pumpDate ? f.date(p.pumpDate) : p.surgeryDate ? t('pumpNotPlaced') : t('notYet'),
        })}
        actions={
          <Group gap="sm">
            {p.synthetic ? (
              <Badge color="grape" variant="light">
                {t('synthetic')}
              </Badge>
            ) : null}
            <Anchor component={Link} to={trialPath(trialId, `participants/${p.studyId}`)} size="sm">
              ← {t('backToParticipant')}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="lg">
        {notice ? (
          <Alert
            color={notice.warning ? 'orange' : 'teal'}
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
          >
            {notice.text}
          </Alert>
        ) : null}
        {writes || corrects ? (
          <Section title={t('actionsTitle')}>
            {wholeLock ? (
              <Alert color="orange" role="note" data-testid="lock-refusal">
                {lockRefusal(wholeLock, lang)}
              </Alert>
            ) : (
              <Group gap="sm">
                {writes && p.surgeryDate === null ? (
                  <Button onClick={() => setDialog({ kind: 'surgery' })}>{t('recordSurgery')}</Button>
                ) : null}
                {writes && cyclesOpen ? (
                  <Button onClick={() => setDialog({ kind: 'cycle' })}>{t('recordCycle')}</Button>
                ) : null}
                {writes && p.timeZero !== null ? (
                  <Button onClick={() => setDialog({ kind: 'assessment' })}>{t('recordAssessment')}</Button>
                ) : null}
                {writes ? (
                  <Button onClick={() => setDialog({ kind: 'event' })}>{t('recordEvent')}</Button>
                ) : null}
                {corrects ? (
                  <Button
                    variant="light"
                    onClick={() =>
                      setDialog({
                        kind: 'correct',
                        correctable: participantCorrectable(d),
                        what: t('what_participant'),
                      })
                    }
                  >
                    {t('correctInclusion')}
                  </Button>
                ) : null}
              </Group>
            )}
          </Section>
        ) : null}
        <Section title={t('recordsTitle')} description={t('recordsDescription')}>
          {p.surgeryDate === null && d.cycles.length + d.assessments.length + d.events.length === 0 ? (
            <Text size="sm">{t('noRecords')}</Text>
          ) : (
            <RecordsTable
              detail={d}
              canCorrect={corrects}
              onDialog={setDialog}
              lockOf={(record) => {
                const lock = coveringLock(
                  locks,
                  p.studyId,
                  record && record.record !== 'participant'
                    ? { type: record.record, id: record.id }
                    : undefined,
                );
                return lock ? lockRefusal(lock, lang) : null;
              }}
            />
          )}
        </Section>
        <ParticipantMonitoring trialId={trialId} studyId={p.studyId} />
      </Stack>
      {dialog?.kind === 'surgery' ? (
        <SurgeryDialog trialId={trialId} studyId={p.studyId} onClose={close} onDone={done} />
      ) : null}
      {dialog?.kind === 'cycle' ? (
        <CycleDialog trialId={trialId} detail={d} onClose={close} onDone={done} />
      ) : null}
      {dialog?.kind === 'assessment' ? (
        <AssessmentDialog trialId={trialId} detail={d} onClose={close} onDone={done} />
      ) : null}
      {dialog?.kind === 'event' ? (
        <EventDialog trialId={trialId} studyId={p.studyId} onClose={close} onDone={done} />
      ) : null}
      {dialog?.kind === 'correct' ? (
        <CorrectDialog
          trialId={trialId}
          correctable={dialog.correctable}
          what={dialog.what}
          onClose={close}
          onDone={done}
        />
      ) : null}
      {dialog?.kind === 'void' ? (
        <VoidDialog
          trialId={trialId}
          target={dialog.target}
          what={dialog.what}
          onClose={close}
          onDone={done}
        />
      ) : null}
    </>
  );
}
