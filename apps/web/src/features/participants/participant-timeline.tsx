import { Badge, Group, Text, Timeline } from '@mantine/core';
import { clinical } from '../../components/clinical/messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useEventWords } from './event-details';
import { messages } from './messages';
import { buildTimeline, type TimelineEntry } from './timeline';
import type { ParticipantDetail } from './types';
import { VoidedNote, voidedCellStyle } from './voided';

const colourOf = (e: TimelineEntry): string => {
  if (e.voided) return 'gray';
  switch (e.kind) {
    case 'event':
      return e.event.type === 'death' ? 'dark' : e.event.type === 'complication' ? 'orange' : 'red';
    case 'cycle':
      return e.outOfWindow ? 'red' : e.modification === 'none' ? 'trialBlue' : 'yellow';
    case 'assessment':
      return e.status === 'missed' ? 'red' : 'teal';
    case 'consent':
    case 'inclusion':
    case 'surgery':
    case 'pump':
      return 'indigo';
  }
};

export function ParticipantTimeline({ detail }: { detail: ParticipantDetail }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const eventWords = useEventWords();
  const entries = buildTimeline(detail);

  const title = (e: TimelineEntry): string => {
    switch (e.kind) {
      case 'consent':
        return t('tl_consent');
      case 'inclusion':
        return t('tl_inclusion');
      case 'surgery':
        return t('tl_surgery');
      case 'pump':
        return t('tl_pump');
      case 'cycle':
        return t('tl_cycle', { cycle: e.cycle });
      case 'assessment':
        return t('tl_assessment', { month: e.month });
      case 'event':
        return eventWords.title(e.event);
    }
  };
  const detailOf = (e: TimelineEntry): string | null => {
    switch (e.kind) {
      case 'cycle':
        return (
          [
            e.modification === 'none'
              ? null
              : [tk(`mod_${e.modification}`), e.reason].filter(Boolean).join(': '),
            e.outOfWindow ? t('cycleOutOfWindow') : null,
          ]
            .filter(Boolean)
            .join(' · ') || null
        );
      case 'assessment':
        return e.status === 'missed'
          ? tk('state_missed')
          : e.outOfWindow
            ? `${tk('state_done')} (${t('outOfWindow')})`
            : tk('state_done');
      case 'event':
        return eventWords.details(e.event) || null;
      case 'surgery':
        return e.pumpNotPlacedReason === null ? null : t('pumpNotPlaced', { reason: e.pumpNotPlacedReason });
      case 'consent':
      case 'inclusion':
      case 'pump':
        return null;
    }
  };

  return (
    <Timeline bulletSize={14} lineWidth={2} active={entries.length}>
      {entries.map((e, i) => {
        const detailText = detailOf(e);
        return (
          <Timeline.Item
            key={`${e.kind}-${e.date}-${i}`}
            color={colourOf(e)}
            title={
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} component="span" style={e.voided ? voidedCellStyle : undefined}>
                  {title(e)}
                </Text>
                {e.voided ? (
                  <Badge size="xs" color="red" variant="outline">
                    {t('voided')}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            <Text size="xs" c="dimmed" className="tabular" style={e.voided ? voidedCellStyle : undefined}>
              {f.date(e.date)}
              {detailText ? ` · ${detailText}` : ''}
            </Text>
            {e.voided ? <VoidedNote voided={e.voided} /> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
