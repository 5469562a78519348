// A signature's state in a badge and a line: signed (by whom, when), no longer valid (the data changed
// since), or not signed. Shared by the participant page, the casebook list and the data cuts.
import { Badge, Stack, Text } from '@mantine/core';
import { useFormat, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';

export type SignatureView = RouterOutputs['signatures']['list']['signatures'][number];
export type SignatureState = 'unsigned' | 'signed' | 'invalidated';

export function stateOf(signature: SignatureView | null | undefined): SignatureState {
  if (!signature) return 'unsigned';
  return signature.valid ? 'signed' : 'invalidated';
}

const colour: Record<SignatureState, string> = { unsigned: 'gray', signed: 'teal', invalidated: 'red' };

export function SignatureBadge({ state }: { state: SignatureState }) {
  const t = useT(messages);
  return (
    <Badge color={colour[state]} variant={state === 'invalidated' ? 'filled' : 'light'}>
      {t(`state_${state}`)}
    </Badge>
  );
}

/** The badge and who signed when; for a signature no longer valid, why. */
export function SignatureLine({ signature }: { signature: SignatureView | null | undefined }) {
  const t = useT(messages);
  const f = useFormat();
  const state = stateOf(signature);
  return (
    <Stack gap={2} align="flex-start">
      <SignatureBadge state={state} />
      {signature ? (
        <Text size="xs">
          {t('signedBy', { name: signature.signerName, at: f.timestamp(signature.signedAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}
