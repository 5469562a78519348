// The participant's saved records in one list (surgery and pump, pump visits, assessments, events), each
// with Correct and, where the rules allow, Void; voided records stay, struck through, with their reason.
// Surgery and pump belong to the participant record: they are corrected, never voided on their own (voiding
// the participant would void the inclusion too).
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import type { ParticipantDetail } from '../participants/types';
import {
  assessmentCorrectable,
  cycleCorrectable,
  eventCorrectable,
  surgeryCorrectable,
  type Correctable,
  type CorrectionTarget,
} from './corrections-form';
import { messages } from './messages';
import type { Dialog } from './record-dialog';

interface Row {
  key: string;
  date: string | null;
  label: string;
  values: string;
  voided: { at: string; reason: string | null } | null;
  correctable: Correctable;
  /** What Void would void; null where a record cannot be voided on its own. */
  target: CorrectionTarget | null;
}

export function RecordsTable({
  detail,
  canCorrect,
  onDialog,
  lockOf = () => null,
}: {
  detail: ParticipantDetail;
  canCorrect: boolean;
  onDialog: (d: Dialog) => void;
  /** The refusal in words when a lock covers the record (null: the participant record), else null. */
  lockOf?: (record: CorrectionTarget | null) => string | null;
}) {
  const t = useT(messages);
  const f = useFormat();
  const p = detail.participant;
  const surgery: Row[] =
    p.surgeryDate === null
      ? []
      : [
          {
            key: 'surgery',
            date: p.surgeryDate,
            label: t('recordSurgery'),
            values:
              p.pumpDate !== null
                ? t('pumpPlacedOn', { date: f.date(p.pumpDate) })
                : t('pumpNotPlacedBecause', { reason: p.pumpNotPlacedReason ?? '' }),
            voided: null,
            correctable: surgeryCorrectable(detail),
            target: null,
          },
        ];
  const rows: Row[] = [
    ...surgery,
    ...detail.cycles.map((c) => ({
      key: `c${c.id}`,
      date: c.cycleDate,
      label: t('what_cycle', { n: c.cycle }),
      values: [
        c.doseMg !== null ? `${f.decimal(c.doseMg, 1)} mg` : null,
        c.flowRateMlDay !== null ? `${f.decimal(c.flowRateMlDay, 2)} ${t('unitMlDay')}` : null,
        c.modification !== 'none'
          ? `${t(`modification_${c.modification}`)}: ${c.modificationReason ?? ''}`
          : null,
        c.timing?.outOfWindow ? t('outOfWindow') : null,
      ]
        .filter(Boolean)
        .join(' · '),
      voided: c.voided,
      correctable: cycleCorrectable(c),
      target: { record: 'cycle' as const, id: c.id },
    })),
    ...detail.assessments.map((a) => ({
      key: `a${a.id}`,
      date: a.performedDate,
      label: t('what_assessment', { n: a.month }),
      values:
        a.status === 'done'
          ? [
              a.imagingResult ? t(`imaging_${a.imagingResult}`) : null,
              a.cea !== null ? `CEA ${f.decimal(a.cea, 1)}` : null,
              a.outOfWindow ? t('outOfWindow') : null,
            ]
              .filter(Boolean)
              .join(' · ')
          : `${t('status_missed')}: ${a.missedReason ?? ''}`,
      voided: a.voided,
      correctable: assessmentCorrectable(a),
      target: { record: 'assessment' as const, id: a.id },
    })),
    ...detail.events.map((e) => ({
      key: `e${e.id}`,
      date: e.date,
      label: t(`event_${e.type}`),
      values: [
        e.recurrenceSite ? t(`site_${e.recurrenceSite}`) : null,
        e.deathCause,
        e.complicationTerm,
        e.grade ? `${e.gradeScale === 'ctcae' ? 'CTCAE' : 'CD'} ${e.grade}` : null,
        e.reason,
      ]
        .filter(Boolean)
        .join(' · '),
      voided: e.voided,
      correctable: eventCorrectable(e),
      target: { record: 'event' as const, id: e.id },
    })),
  ].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0));
  const voidOf = (target: CorrectionTarget, what: string) => () => onDialog({ kind: 'void', target, what });
  return (
    <ScrollTable maxHeight={640}>
      <Table striped className="tabular" verticalSpacing="xs">
        <Table.Caption>{t('recordsTitle')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colDate')}</Table.Th>
            <Table.Th scope="col">{t('colRecord')}</Table.Th>
            <Table.Th scope="col">{t('colValues')}</Table.Th>
            <Table.Th scope="col">{t('colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const what = `${r.label}${r.date ? ` (${f.date(r.date)})` : ''}`;
            const locked = canCorrect && !r.voided ? lockOf(r.target) : null;
            return (
              <Table.Tr key={r.key}>
                <Table.Td style={r.voided ? { textDecoration: 'line-through' } : undefined}>
                  {f.date(r.date)}
                </Table.Td>
                <Table.Th scope="row" style={r.voided ? { textDecoration: 'line-through' } : undefined}>
                  {r.label}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" td={r.voided ? 'line-through' : undefined}>
                    {r.values || '–'}
                  </Text>
                  {r.voided ? (
                    <Badge color="red" variant="light" size="sm">
                      {t('voided')}: {r.voided.reason ?? ''}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {locked !== null ? (
                    <Text size="xs" c="orange.9" maw={360} data-testid="lock-refusal">
                      {locked}
                    </Text>
                  ) : canCorrect && !r.voided ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`${t('correct')}: ${what}`}
                        onClick={() => onDialog({ kind: 'correct', correctable: r.correctable, what })}
                      >
                        {t('correct')}
                      </Button>
                      {r.target === null ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('void')}: ${what}`}
                          onClick={voidOf(r.target, what)}
                        >
                          {t('void')}
                        </Button>
                      )}
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
