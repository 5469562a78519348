// The data a committee page shows: live data or a frozen data cut, kept in the URL (?cut=ID) so that a
// view of a cut can be linked and reloaded.
import { Badge, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import type { Source } from './types';

export function useCutParam(): [number | null, (id: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('cut'));
  const cutId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const set = (id: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id === null) next.delete('cut');
        else next.set('cut', String(id));
        return next;
      },
      { replace: true },
    );
  return [cutId, set];
}

export function CutSelector({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const [cutId, setCutId] = useCutParam();
  const cuts = useQuery(trpc.committee.dataCuts.list.queryOptions({ trialId }));
  const data = [
    { value: 'live', label: t('sourceLive') },
    ...(cuts.data?.cuts ?? []).map((c) => ({
      value: String(c.id),
      label: t('sourceCut', { label: c.label, date: f.date(c.asOf) }),
    })),
  ];
  return (
    <Select
      label={t('source')}
      data={data}
      value={cutId === null ? 'live' : String(cutId)}
      onChange={(v) => setCutId(v === null || v === 'live' ? null : Number(v))}
      allowDeselect={false}
      w={320}
      size="sm"
      data-testid="cut-selector"
    />
  );
}

/** One line saying what data the page shows: live as of a date, or a cut with its hash. */
export function SourceNote({ source }: { source: Source & { contentHash?: string } }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Group gap="xs" wrap="wrap">
      {source.synthetic ? (
        <Badge color="orange" variant="light">
          {t('synthetic')}
        </Badge>
      ) : null}
      <Text size="sm" c="dimmed">
        {source.cut
          ? t('sourceCutNote', { label: source.cut.label, date: f.date(source.cut.asOf) })
          : t('sourceLiveNote', { date: f.date(source.asOf) })}
      </Text>
      {source.cut ? (
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {t('hash', { hash: source.cut.contentHash })}
        </Text>
      ) : null}
    </Group>
  );
}
