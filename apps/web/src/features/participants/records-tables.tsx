// The participant's records as tables: treatment cycles (planned against given), assessments (window,
// state, results) and events. Voided records are struck through with their reason.
import { Badge, Group, Table, Text } from '@mantine/core';
import { clinical } from '../../components/clinical/messages';
import { StateSymbol } from '../../components/clinical/state-legend';
import { stateStyles } from '../../components/clinical/states';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useEventWords } from './event-details';
import { messages } from './messages';
import { cycleRows } from './timeline';
import type { ParticipantDetail } from './types';
import { MaybeVoided, Struck } from './voided';

export function CyclesTable({ detail }: { detail: ParticipantDetail }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const rows = cycleRows(detail);
  if (rows.length === 0) return <Text size="sm">{t('noCycles')}</Text>;
  return (
    <ScrollTable>
      <Table striped className="tabular" verticalSpacing="xs">
        <Table.Caption>{t('cyclesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colCycle')}</Table.Th>
            <Table.Th scope="col">{t('colPlanned')}</Table.Th>
            <Table.Th scope="col">{t('colGiven')}</Table.Th>
            <Table.Th scope="col">{t('colEmptied')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colDose')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colFlow')}
            </Table.Th>
            <Table.Th scope="col">{t('colModification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.flatMap((row) =>
            (row.given.length > 0 ? row.given : [null]).map((c, i) => (
              <Table.Tr key={`${row.cycle}-${c?.id ?? 'none'}`}>
                <Table.Th scope="row">{i === 0 ? row.cycle : ''}</Table.Th>
                <Table.Td>{i === 0 ? f.date(c?.timing?.plannedDate ?? row.plannedDate) : ''}</Table.Td>
                {c ? (
                  <>
                    <Table.Td>
                      <MaybeVoided voided={c.voided}>{f.date(c.cycleDate)}</MaybeVoided>
                    </Table.Td>
                    <Table.Td>
                      <Struck when={c.voided}>{f.date(c.emptyDate)}</Struck>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Struck when={c.voided}>{c.doseMg === null ? '–' : f.decimal(c.doseMg, 1)}</Struck>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Struck when={c.voided}>
                        {c.flowRateMlDay === null ? '–' : f.decimal(c.flowRateMlDay, 2)}
                      </Struck>
                    </Table.Td>
                    <Table.Td className="wrap">
                      {c.timing?.outOfWindow ? (
                        <Badge
                          size="sm"
                          color="red"
                          variant="light"
                          mb={c.modification === 'none' ? 0 : 4}
                          style={{ textTransform: 'none' }}
                          data-testid={`cycle-deviation-${c.cycle}`}
                        >
                          {t('cycleDeviation', {
                            start: f.date(c.timing.windowStart),
                            end: f.date(c.timing.windowEnd),
                          })}
                        </Badge>
                      ) : null}
                      {c.modification === 'none' ? (
                        c.timing?.outOfWindow ? null : (
                          tk('mod_none')
                        )
                      ) : (
                        <Group gap={6}>
                          <Badge size="sm" color="yellow" variant="light" style={{ textTransform: 'none' }}>
                            {tk(`mod_${c.modification}`)}
                          </Badge>
                          {c.modificationReason ? <Text size="xs">{c.modificationReason}</Text> : null}
                        </Group>
                      )}
                    </Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed">
                      {t('notGiven')}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function AssessmentsTable({ detail }: { detail: ParticipantDetail }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table striped className="tabular" verticalSpacing="xs">
        <Table.Caption>{t('assessmentsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colMonth')}</Table.Th>
            <Table.Th scope="col">{t('colDueWindow')}</Table.Th>
            <Table.Th scope="col">{t('colState')}</Table.Th>
            <Table.Th scope="col">{t('colDone')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colCea')}
            </Table.Th>
            <Table.Th scope="col">{t('colImaging')}</Table.Th>
            <Table.Th scope="col">{t('colNote')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.slots.flatMap((slot) => {
            const records = detail.assessments.filter((a) => a.month === slot.month);
            return (records.length > 0 ? records : [null]).map((a, i) => (
              <Table.Tr key={`${slot.month}-${a?.id ?? 'slot'}`}>
                <Table.Th scope="row">{i === 0 ? slot.month : ''}</Table.Th>
                <Table.Td>
                  {i === 0 ? (
                    <>
                      {f.date(slot.dueDate)}
                      <Text size="xs" c="dimmed">
                        {t('windowRange', { start: f.date(slot.windowStart), end: f.date(slot.windowEnd) })}
                      </Text>
                    </>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {i === 0 ? (
                    <Group gap={6} wrap="nowrap">
                      <StateSymbol state={slot.state} />
                      <Text size="sm">{tk(stateStyles[slot.state].label)}</Text>
                    </Group>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {a ? <MaybeVoided voided={a.voided}>{f.date(a.performedDate)}</MaybeVoided> : '–'}
                </Table.Td>
                <Table.Td ta="right">
                  {a && a.cea !== null ? (
                    <MaybeVoided voided={a.voided}>{f.decimal(a.cea, 1)}</MaybeVoided>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td className="wrap">
                  {a?.imagingResult ? (
                    <MaybeVoided voided={a.voided}>{tk(`imaging_${a.imagingResult}`)}</MaybeVoided>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td className="wrap">
                  {[a?.outOfWindow ? t('outOfWindow') : null, a?.missedReason ?? null]
                    .filter(Boolean)
                    .join('; ')}
                </Table.Td>
              </Table.Tr>
            ));
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function EventsTable({ detail }: { detail: ParticipantDetail }) {
  const t = useT(messages);
  const f = useFormat();
  const words = useEventWords();
  if (detail.events.length === 0) return <Text size="sm">{t('noEvents')}</Text>;
  return (
    <ScrollTable>
      <Table striped className="tabular" verticalSpacing="xs">
        <Table.Caption>{t('eventsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colDate')}</Table.Th>
            <Table.Th scope="col">{t('colEvent')}</Table.Th>
            <Table.Th scope="col">{t('colDetails')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...detail.events]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <MaybeVoided voided={e.voided}>{f.date(e.date)}</MaybeVoided>
                </Table.Td>
                <Table.Th scope="row" fw={600}>
                  <Struck when={e.voided}>{words.title(e)}</Struck>
                </Table.Th>
                <Table.Td className="wrap">
                  <Struck when={e.voided}>{words.details(e) || '–'}</Struck>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
