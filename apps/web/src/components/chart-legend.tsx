// Legend text in body colour: Recharts colours legend labels like their series, which makes light series
// (e.g. "not applicable") unreadable. The swatch keeps the series colour.
import type { ReactNode } from 'react';

export const legendFormatter = (value: unknown): ReactNode => (
  <span style={{ color: 'var(--mantine-color-gray-8)' }}>{typeof value === 'string' ? value : ''}</span>
);

export const legendStyle = { fontSize: 13 } as const;
