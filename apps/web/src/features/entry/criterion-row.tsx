// One checklist item: a yes/no question, or a measured value with its unit (and the centre's ULN where
// the threshold is relative), with its live mark from the eligibility rules.
import { Badge, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { Criterion, CriterionStatus } from '@trialdesk/domain';
import { useLang, useT } from '../../i18n/i18n-context';
import { messages } from './messages';

const statusColour: Record<CriterionStatus, string> = {
  met: 'teal',
  not_met: 'red',
  missing: 'gray',
  invalid: 'orange',
};

/**
 * The live mark of one criterion. An exclusion criterion that does not exclude reads as absent ("Not
 * present"), one that excludes as "Present": "Met" there would read as if the exclusion applied. Only the
 * overall verdict says eligible.
 */
function StatusMark({
  status,
  group,
}: {
  status: CriterionStatus | undefined;
  group: 'inclusion' | 'exclusion';
}) {
  const t = useT(messages);
  const s = status ?? 'missing';
  const label =
    group === 'exclusion' && s === 'met'
      ? t('status_absent')
      : group === 'exclusion' && s === 'not_met'
        ? t('status_present')
        : t(`status_${s}`);
  return (
    <Badge color={statusColour[s]} variant={s === 'met' ? 'light' : 'outline'} miw={110} data-status={s}>
      {label}
    </Badge>
  );
}

export function CriterionRow({
  criterion,
  group,
  status,
  answer,
  measure,
  onAnswer,
  onMeasure,
  error,
  ulnError,
}: {
  criterion: Criterion;
  group: 'inclusion' | 'exclusion';
  status: CriterionStatus | undefined;
  answer: boolean | undefined;
  measure: { value: number | string; uln: number | string } | undefined;
  onAnswer: (value: boolean) => void;
  onMeasure: (value: { value: number | string; uln: number | string }) => void;
  error: string | undefined;
  ulnError: string | undefined;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = criterion.text[lang];
  const decimal = lang === 'nl' ? ',' : '.';
  const m = measure ?? { value: '', uln: '' };
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py={6}
      data-criterion={criterion.id}
    >
      <Stack gap={4} style={{ flex: 1 }}>
        {criterion.kind === 'confirm' ? (
          <Radio.Group
            label={label}
            value={answer === undefined ? '' : answer ? 'yes' : 'no'}
            onChange={(v) => onAnswer(v === 'yes')}
            error={error}
          >
            <Group gap="lg" mt={4}>
              <Radio value="yes" label={t('yes')} />
              <Radio value="no" label={t('no')} />
            </Group>
          </Radio.Group>
        ) : (
          <Group gap="sm" align="flex-start" wrap="wrap">
            <NumberInput
              label={label}
              value={m.value}
              onChange={(value) => onMeasure({ ...m, value })}
              decimalSeparator={decimal}
              allowDecimal={!criterion.integer}
              rightSection={
                criterion.unit ? (
                  <Text size="xs">{criterion.unit === 'years' ? t('unitYears') : criterion.unit}</Text>
                ) : undefined
              }
              rightSectionWidth={criterion.unit ? 64 : undefined}
              hideControls
              error={error}
              w={{ base: '100%', sm: 320 }}
            />
            {criterion.relativeToUln ? (
              <NumberInput
                label={`${t('uln')} (${criterion.unit})`}
                description={t('limitRelative', { factor: (criterion.max ?? criterion.min)?.value ?? '' })}
                aria-label={`${label}: ${t('ulnHint')}`}
                value={m.uln}
                onChange={(uln) => onMeasure({ ...m, uln })}
                decimalSeparator={decimal}
                hideControls
                error={ulnError}
                w={{ base: '100%', sm: 180 }}
              />
            ) : null}
          </Group>
        )}
      </Stack>
      <StatusMark status={status} group={group} />
    </Group>
  );
}
