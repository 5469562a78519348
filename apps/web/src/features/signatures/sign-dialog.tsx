// The signing dialog (21 CFR Part 11 §11.50, §11.200): it shows the meaning of the signature and the
// signer's name, the signer re-enters their password, and after signing it shows the date and time and the
// hash of the data signed. The meaning is the domain's sentence, the one the server stores with the
// signature in the same language.
import { Alert, Blockquote, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { entryMessage } from '@trialdesk/domain';
import { useState, type FormEvent } from 'react';
import { useAccount } from '../../app/session';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

export type SignTarget =
  | { kind: 'casebook'; trialId: string; studyId: string }
  | { kind: 'data_cut'; trialId: string; cutId: number; label: string };

export function SignDialog({ target, onClose }: { target: SignTarget; onClose: () => void }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const user = useAccount();
  const [password, setPassword] = useState('');
  const options = {
    onSuccess: () => {
      setPassword('');
      void qc.invalidateQueries(trpc.signatures.pathFilter());
    },
  };
  const casebook = useMutation(trpc.signatures.signCasebook.mutationOptions(options));
  const cut = useMutation(trpc.signatures.signDataCut.mutationOptions(options));
  const sign = target.kind === 'casebook' ? casebook : cut;
  const meaning = entryMessage(
    target.kind === 'casebook' ? 'signature.meaning.casebook' : 'signature.meaning.data_cut',
    lang,
  );
  const title =
    target.kind === 'casebook'
      ? t('dialogCasebook', { studyId: target.studyId })
      : t('dialogCut', { label: target.label });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (sign.isPending || password === '') return;
    if (target.kind === 'casebook')
      casebook.mutate({ trialId: target.trialId, studyId: target.studyId, password });
    else cut.mutate({ trialId: target.trialId, cutId: target.cutId, password });
  };
  const done = sign.data;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <div>
            <Text size="sm" fw={600} id="signature-meaning">
              {t('meaningLabel')}
            </Text>
            <Blockquote aria-labelledby="signature-meaning" p="sm" mt={4} color="trialBlue">
              {done ? done.meaning : meaning}
            </Blockquote>
          </div>
          <div>
            <Text size="sm" fw={600}>
              {t('signerLabel')}
            </Text>
            <Text size="sm" data-testid="signer-name">
              {user.displayName}
            </Text>
          </div>
          {done ? (
            <Alert color="teal" role="status" style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm" fw={600}>
                {t('signedDone', { name: user.displayName, at: f.timestamp(done.signedAt) })}
              </Text>
              <Text size="xs" ff="monospace">
                {t('hashWas', { hash: done.dataHash })}
              </Text>
            </Alert>
          ) : (
            <PasswordInput
              label={t('passwordLabel')}
              description={t('passwordHelp')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              data-autofocus
            />
          )}
          {sign.error ? (
            <Alert color="red" role="alert">
              {describeError(sign.error, lang)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            {done ? (
              <Button onClick={onClose}>{t('close')}</Button>
            ) : (
              <>
                <Button variant="subtle" onClick={onClose}>
                  {t('cancel')}
                </Button>
                <Button type="submit" loading={sign.isPending} disabled={password === ''}>
                  {t('submit')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
