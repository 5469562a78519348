// The signature of a participant's casebook on their page: its state, who signed when and with what
// meaning, why it no longer holds after a later change, the earlier signatures, and (the PI) Sign.
import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { SignDialog } from './sign-dialog';
import { SignatureBadge, stateOf } from './signature-state';

export function CasebookSignature({
  trialId,
  studyId,
  voided,
}: {
  trialId: string;
  studyId: string;
  voided: boolean;
}) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const user = useSession();
  const [signing, setSigning] = useState(false);
  const list = useQuery(trpc.signatures.list.queryOptions({ trialId, studyId }));
  const signatures = list.data?.signatures ?? [];
  const latest = signatures.find((s) => s.latest) ?? null;
  const state = stateOf(latest);
  const earlier = signatures.filter((s) => !s.latest);
  const maySign = can(user.role, 'casebook:sign') && !voided;
  const signWords = state === 'invalidated' ? t('signAgain') : t('signCasebook');
  return (
    <Section
      title={t('sectionTitle')}
      description={t('sectionHelp')}
      actions={
        maySign && state !== 'signed' ? (
          <Button
            size="xs"
            onClick={() => setSigning(true)}
            // The name starts with the visible words (WCAG 2.5.3, axe label-content-name-mismatch).
            aria-label={t('signCasebookOf', { action: signWords, studyId })}
          >
            {signWords}
          </Button>
        ) : null
      }
    >
      <Stack gap="xs" data-testid="casebook-signature">
        <Group gap="sm">
          <SignatureBadge state={state} />
          {latest ? (
            <Text size="sm">
              {t('signedBy', { name: latest.signerName, at: f.timestamp(latest.signedAt) })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('notSignedHelp')}
            </Text>
          )}
        </Group>
        {state === 'invalidated' ? (
          <Text size="sm" c="red.8">
            {t('invalidatedHelp')}
          </Text>
        ) : null}
        {latest ? (
          <>
            <Text size="sm">{t('meaningWas', { meaning: latest.meaning })}</Text>
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {t('hashWas', { hash: latest.dataHash })}
            </Text>
          </>
        ) : null}
        {earlier.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('earlier')}
            </Text>
            <List size="sm">
              {earlier.map((s) => (
                <List.Item key={s.id}>
                  {t('signedBy', { name: s.signerName, at: f.timestamp(s.signedAt) })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
      {signing ? (
        <SignDialog target={{ kind: 'casebook', trialId, studyId }} onClose={() => setSigning(false)} />
      ) : null}
    </Section>
  );
}
