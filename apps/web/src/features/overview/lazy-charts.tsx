// Lazy handles on the overview's charts (./charts): each renders a placeholder of the chart's height while
// Recharts loads, so the page lays out at once and does not jump when a chart arrives.
import { lazy, Suspense, type ComponentType, type JSX } from 'react';

function withPlaceholder<P extends object>(load: () => Promise<ComponentType<P>>, height: number) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<div style={{ height }} aria-hidden />}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}

export const AccrualChart = withPlaceholder(async () => (await import('./charts')).AccrualChart, 340);
export const FollowUpEndsChart = withPlaceholder(
  async () => (await import('./charts')).FollowUpEndsChart,
  340,
);
export const PhasesChart = withPlaceholder(async () => (await import('./charts')).PhasesChart, 320);
export const AssessmentsChart = withPlaceholder(async () => (await import('./charts')).AssessmentsChart, 320);
