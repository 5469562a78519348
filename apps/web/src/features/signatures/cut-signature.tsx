// A data cut's signature in the cut list: its state and, for the PI, Sign (or Sign again).
import { Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { SignDialog } from './sign-dialog';
import { SignatureLine, stateOf, type SignatureView } from './signature-state';

/** The latest signature of each data cut of the trial, by cut id. */
export function useCutSignatures(trialId: string): Map<number, SignatureView> {
  const trpc = useTRPC();
  const user = useSession();
  const list = useQuery({
    ...trpc.signatures.list.queryOptions({ trialId }),
    enabled: can(user.role, 'participant:read'),
  });
  return new Map(
    (list.data?.signatures ?? [])
      .filter((s) => s.kind === 'data_cut' && s.latest)
      .map((s) => [Number(s.entityId), s]),
  );
}

export function CutSignature({
  trialId,
  cut,
  signature,
}: {
  trialId: string;
  cut: { id: number; label: string };
  signature: SignatureView | undefined;
}) {
  const t = useT(messages);
  const user = useSession();
  const [signing, setSigning] = useState(false);
  const state = stateOf(signature);
  return (
    <Stack gap={4} align="flex-start">
      <SignatureLine signature={signature} />
      {can(user.role, 'casebook:sign') && state !== 'signed' ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => setSigning(true)}
          aria-label={t('signCutOf', {
            action: state === 'invalidated' ? t('signAgain') : t('signCut'),
            label: cut.label,
          })}
        >
          {state === 'invalidated' ? t('signAgain') : t('signCut')}
        </Button>
      ) : null}
      {signing ? (
        <SignDialog
          target={{ kind: 'data_cut', trialId, cutId: cut.id, label: cut.label }}
          onClose={() => setSigning(false)}
        />
      ) : null}
    </Stack>
  );
}
