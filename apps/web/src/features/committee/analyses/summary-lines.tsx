// One-line read-outs beside the curves: the median follow-up, the primary endpoint against the target the
// trial definition states (labelled an assumption where the protocol does not give it), and the caution
// under landmark tables. Every number arrives computed.
import { Badge, Group, Text } from '@mantine/core';
import { useFormat, useLang, useT } from '../../../i18n/i18n-context';
import type { EndpointOutcome, Outcomes } from '../types';
import { messages } from './messages';

const oneDecimal = (v: number) => Math.round(v * 10) / 10;

export function FollowUpLine({ followUp }: { followUp: Outcomes['followUp'] }) {
  const t = useT(messages);
  const f = useFormat();
  const m = followUp?.median;
  if (!followUp || !m || m.estimate === null) return <Text size="sm">{t('followUpNone')}</Text>;
  const limit = (v: number | null) => (v === null ? '–' : f.number(v, 1));
  return (
    <Text size="sm" fw={600} data-testid="median-follow-up">
      {t('followUpMedian', {
        months: oneDecimal(m.estimate),
        lower: limit(m.lower),
        upper: limit(m.upper),
        n: followUp.analysed,
      })}
    </Text>
  );
}

export function TargetLine({ endpoint }: { endpoint: EndpointOutcome }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const target = endpoint.target;
  if (!target) return null;
  const m = endpoint.median;
  const value = (v: number | null) => (v === null ? '–' : f.number(v, 1));
  return (
    <Group gap="xs" data-testid={`target-${endpoint.kind}`}>
      <Text size="sm">
        {t('target', {
          target: target.medianMonths,
          control: target.controlMedianMonths,
          source: target.source[lang],
        })}{' '}
        {t('targetObserved', {
          median: m.estimate === null ? t('notReached') : value(m.estimate),
          lower: value(m.lower),
          upper: value(m.upper),
        })}
      </Text>
      {target.assumption ? (
        <Badge variant="outline" color="gray" size="sm">
          {t('assumption')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function FewAtRiskNote({ show, minAtRisk }: { show: boolean; minAtRisk: number }) {
  const t = useT(messages);
  if (!show) return null;
  return (
    <Text size="xs" c="orange.9" data-testid="few-at-risk">
      {t('fewAtRiskMark')} {t('fewAtRisk', { min: minAtRisk })}
    </Text>
  );
}
