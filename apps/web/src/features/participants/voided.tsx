// Voided records stay visible, struck through, with the word "Voided", the date and the reason.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { Voided } from './types';

export const voidedCellStyle = {
  textDecoration: 'line-through',
  color: 'var(--mantine-color-gray-6)',
} as const;

export function VoidedNote({ voided }: { voided: NonNullable<Voided> }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Text size="xs" c="red.8" fw={600} style={{ textDecoration: 'none' }}>
      {t('voidedOn', { date: f.timestamp(voided.at), reason: voided.reason ?? t('noReason') })}
    </Text>
  );
}

/** Content that is struck through when voided, followed by the voiding note. */
export function MaybeVoided({ voided, children }: { voided: Voided; children: ReactNode }) {
  if (!voided) return <>{children}</>;
  return (
    <>
      <del style={voidedCellStyle}>{children}</del>
      <VoidedNote voided={voided} />
    </>
  );
}

/** Struck through (without the note) when the record is voided: for the other cells of a voided row. */
export function Struck({ when, children }: { when: Voided; children: ReactNode }) {
  return when ? <del style={voidedCellStyle}>{children}</del> : <>{children}</>;
}
