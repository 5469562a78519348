// One report clock as a badge-like line: its name, the state in words (on time, late, due, overdue by N
// hours) and the due instant in Amsterdam time. The words are shared with the compact SAE listing.
import { Badge, Group, Text } from '@mantine/core';
import { useFormat, useT } from '../../i18n/i18n-context';
import { clockColour, clockWords, type ClockView } from './clock-words';
import { listingMessages } from './listing-messages';
import { messages } from './messages';

/** A clock in words: "Late by 6 hours (due 19 Nov 2025, 09:00)". */
export function useClockText(): (clock: ClockView) => string {
  const t = useT(messages);
  const f = useFormat();
  return (clock) => {
    const w = clockWords(clock);
    return w.key === 'clockOnTime'
      ? t('clockOnTime', { due: f.timestamp(w.due) })
      : t(w.key, { due: f.timestamp(w.due), n: w.n });
  };
}

/** The same without the due time, for a list's narrow column: "Late by 6 hours". */
export function useShortClockText(): (clock: ClockView) => string {
  const t = useT(listingMessages);
  return (clock) => {
    const w = clockWords(clock);
    return w.key === 'clockOnTime' ? t('short_clockOnTime') : t(`short_${w.key}`, { n: w.n });
  };
}

export function SaeClock({ label, clock }: { label: string; clock: ClockView }) {
  const text = useClockText()(clock);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {label}:
      </Text>
      <Badge
        className="sentence"
        color={clockColour(clock)}
        variant={clock.state === 'overdue' ? 'filled' : 'light'}
        tt="none"
      >
        {text}
      </Badge>
    </Group>
  );
}
