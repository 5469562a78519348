// Every chart comes with a table of the same numbers. The switch is a labelled radio group; the chart
// itself is hidden from screen readers in favour of the table (which is always one click away).
import { SegmentedControl } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';

type ChartView = 'chart' | 'table';

export function useChartView(initial: ChartView = 'chart') {
  return useState<ChartView>(initial);
}

export function ChartViewSwitch({
  value,
  onChange,
  label,
}: {
  value: ChartView;
  onChange: (view: ChartView) => void;
  label: string;
}) {
  const t = useT(common);
  return (
    <SegmentedControl
      size="xs"
      aria-label={`${t('viewAs')}: ${label}`}
      value={value}
      onChange={(v) => onChange(v === 'table' ? 'table' : 'chart')}
      data={[
        { value: 'chart', label: t('showChart') },
        { value: 'table', label: t('showTable') },
      ]}
    />
  );
}

/** A chart figure: described for assistive technology by `summary`, its numbers in the table view. */
export function ChartFigure({
  summary,
  height,
  children,
}: {
  summary: string;
  height: number;
  children: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: '100%', height }}>
        {children}
      </div>
    </figure>
  );
}
