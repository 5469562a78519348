// The three figures a PI looks at first: inclusion against target, where the trial stands (with the
// projected end of recruitment while it runs), and how many participants are in follow-up.
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import { followUpSummary } from './summary';
import type { Overview } from './types';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" shadow="xs">
      <Stack gap={6}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" component="h2">
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

export function KeyFigures({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const f = useFormat();
  const { inclusion, trial, projection, milestones } = overview;
  const fpi = milestones.find((m) => m.key === 'firstPatientIn');
  const lpi = milestones.find((m) => m.key === 'lastPatientIn');
  const fu = followUpSummary(overview.followUp.total, trial.followUpYears);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Figure label={t('inclusionTitle')}>
        <Text fz={34} fw={700} lh={1.1} className="tabular" data-testid="inclusion-progress">
          {t('inclusionValue', {
            included: f.number(inclusion.included),
            target: f.number(inclusion.target),
            percent: f.number(inclusion.percent, 0),
          })}
        </Text>
        <Progress
          value={Math.min(100, inclusion.percent)}
          size="lg"
          radius="sm"
          aria-label={t('inclusionLabel', {
            included: inclusion.included,
            target: inclusion.target,
            percent: inclusion.percent,
          })}
        />
        <Text size="sm" c="dimmed">
          {t('targetLine', { target: inclusion.target })}
          {inclusion.remaining > 0
            ? ` · ${t('remaining', { remaining: f.number(inclusion.remaining) })}`
            : ''}
        </Text>
      </Figure>

      <Figure label={t('statusTitle')}>
        <Text fz="xl" fw={700} lh={1.25} data-testid="trial-status">
          {t(`status_${trial.status}`)}
        </Text>
        {fpi?.date ? (
          <Text size="sm">
            {t('recruitmentPeriod', {
              first: f.date(fpi.date),
              last: lpi?.basis === 'actual' && lpi.date ? f.date(lpi.date) : '…',
            })}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('plannedPeriod', {
            start: f.date(trial.recruitment.plannedStart),
            end: f.date(trial.recruitment.plannedEnd),
          })}
        </Text>
        {projection ? (
          <ProjectionLines projection={projection} plannedEnd={trial.recruitment.plannedEnd} />
        ) : null}
      </Figure>

      <Figure label={t('followUpTitle')}>
        <Text fz={34} fw={700} lh={1.1} className="tabular">
          {f.number(fu.inFollowUp)}
        </Text>
        <Text size="sm" fw={600}>
          {t('followUpValue', { years: trial.followUpYears })}
        </Text>
        <Text size="sm">
          {t('followUpDetail', { completed: f.number(fu.completed), offStudy: f.number(fu.offStudy) })}
        </Text>
      </Figure>
    </SimpleGrid>
  );
}

function ProjectionLines({
  projection,
  plannedEnd,
}: {
  projection: NonNullable<Overview['projection']>;
  plannedEnd: string;
}) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('projectionTitle')}
        </Text>
        {projection.onTrack === null ? null : (
          <Badge size="sm" variant="light" color={projection.onTrack ? 'teal' : 'orange'}>
            {projection.onTrack ? t('onTrack') : t('behind')}
          </Badge>
        )}
      </Group>
      {projection.expectedDate ? (
        <>
          <Text size="sm" data-testid="projection-expected">
            {t('projectionExpected', { date: f.date(projection.expectedDate) })}
          </Text>
          {projection.earliestDate && projection.latestDate ? (
            <Text size="sm" c="dimmed">
              {t('projectionInterval', {
                earliest: f.date(projection.earliestDate),
                latest: f.date(projection.latestDate),
              })}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="sm">{t('projectionNoRate', { days: projection.windowDays })}</Text>
      )}
      <Text size="sm">
        {t('rateCurrent', { rate: f.number(projection.ratePerMonth, 1), days: projection.windowDays })}
      </Text>
      <Text size="sm">
        {projection.requiredRatePerMonth === null
          ? t('ratePastPlan')
          : t('rateNeeded', { date: f.date(plannedEnd), rate: f.number(projection.requiredRatePerMonth, 1) })}
      </Text>
    </Stack>
  );
}
