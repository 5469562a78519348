// CSV, ODM and FHIR downloads of a data cut (PI and administrator; the server checks and audits).
import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { saveDownload } from './download';
import { messages } from './messages';

export function ExportButtons({ trialId, cutId }: { trialId: string; cutId: number }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const opts = { onSuccess: saveDownload };
  const csv = useMutation(trpc.committee.exports.csv.mutationOptions(opts));
  const odm = useMutation(trpc.committee.exports.odm.mutationOptions(opts));
  const fhir = useMutation(trpc.committee.exports.fhir.mutationOptions(opts));
  const failed = [csv, odm, fhir].find((m) => m.isError);
  return (
    <Group gap={6} wrap="wrap">
      <Button
        size="xs"
        variant="default"
        loading={csv.isPending}
        onClick={() => csv.mutate({ trialId, cutId })}
      >
        {t('exportCsv')}
      </Button>
      <Button
        size="xs"
        variant="default"
        loading={odm.isPending}
        onClick={() => odm.mutate({ trialId, cutId })}
      >
        {t('exportOdm')}
      </Button>
      <Button
        size="xs"
        variant="default"
        loading={fhir.isPending}
        onClick={() => fhir.mutate({ trialId, cutId })}
      >
        {t('exportFhir')}
      </Button>
      {failed ? (
        <Text size="xs" c="red" role="alert">
          {describeError(failed.error, lang)}
        </Text>
      ) : null}
    </Group>
  );
}
