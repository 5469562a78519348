// The key to the state colours and symbols: symbol, colour and word together.
import { Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-context';
import { clinical } from './messages';
import { stateStyles, type MatrixState } from './states';

export function StateSymbol({ state }: { state: MatrixState }) {
  const style = stateStyles[state];
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: 26,
        height: 20,
        padding: '0 4px',
        borderRadius: 4,
        background: style.fill,
        color: style.ink,
        border: state === 'none' ? '1px dashed #ced4da' : `1px solid ${style.ink}33`,
        fontWeight: 700,
        fontSize: 12,
        lineHeight: 1,
      }}
    >
      {style.symbol}
    </span>
  );
}

export function StateLegend({ states }: { states: readonly MatrixState[] }) {
  const tk = useT(clinical);
  const id = useId();
  return (
    <div>
      <Text id={id} size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {tk('legend')}
      </Text>
      <Group
        component="ul"
        aria-labelledby={id}
        gap="md"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {states.map((s) => (
          <Group component="li" key={s} gap={6} wrap="nowrap">
            <StateSymbol state={s} />
            <Text size="sm">
              <Text span fw={600} size="sm">
                {tk(stateStyles[s].label)}
              </Text>{' '}
              <Text span c="dimmed" size="xs">
                ({tk(stateStyles[s].hint)})
              </Text>
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
