// One report clock as a badge-like line: its name, the state in words (on time, late, due, overdue by N
// hours) and the due instant in Amsterdam time.
import { Badge, Group, Text } from '@mantine/core';
import { useFormat, useT } from '../../i18n/i18n-context';
import { clockColour, clockWords, type ClockView } from './clock-words';
import { messages } from './messages';

export function SaeClock({ label, clock }: { label: string; clock: ClockView }) {
  const t = useT(messages);
  const f = useFormat();
  const w = clockWords(clock);
  const text =
    w.key === 'clockOnTime'
      ? t('clockOnTime', { due: f.timestamp(w.due) })
      : t(w.key, { due: f.timestamp(w.due), n: w.n });
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {label}:
      </Text>
      <Badge color={clockColour(clock)} variant={clock.state === 'overdue' ? 'filled' : 'light'} tt="none">
        {text}
      </Badge>
    </Group>
  );
}
