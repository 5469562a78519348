// Parts every chart draws the same way, as functions returning Recharts elements (Recharts reads its axes
// and series from its direct children, so these are called, not wrapped in components of our own).
import { CartesianGrid, Line, XAxis, YAxis } from 'recharts';

const GRID_COLOUR = '#e9ecef';

/** Dashed grid lines; bar charts laid out horizontally keep only the vertical ones. */
export function gridLines(only?: 'vertical' | 'horizontal') {
  return (
    <CartesianGrid
      strokeDasharray="3 3"
      stroke={GRID_COLOUR}
      {...(only === 'vertical' ? { horizontal: false } : only === 'horizontal' ? { vertical: false } : {})}
    />
  );
}

/** A calendar-month axis ("2021-02" → "Feb 2021" in the user's language). */
export function monthAxis(formatMonth: (month: string) => string, fontSize = 12, minTickGap = 24) {
  return (
    <XAxis
      dataKey="month"
      tickFormatter={(m: string) => formatMonth(m)}
      minTickGap={minTickGap}
      tick={{ fontSize }}
    />
  );
}

export interface SeriesLine {
  dataKey: string;
  name: string;
  stroke: string;
  dash?: string;
  width?: number;
  /** Survival-like curves: a step at each event, never a slope between them. */
  step?: boolean;
  key?: string;
}

/** A series drawn as a plain line: no dots, no animation (figures must be readable at once, and in PDFs). */
export function seriesLine({ key, dataKey, name, stroke, dash, width, step }: SeriesLine) {
  return (
    <Line
      key={key ?? dataKey}
      dataKey={dataKey}
      name={name}
      stroke={stroke}
      {...(dash ? { strokeDasharray: dash } : {})}
      {...(width ? { strokeWidth: width } : {})}
      {...(step ? { type: 'stepAfter' as const } : {})}
      dot={false}
      isAnimationActive={false}
    />
  );
}

/** Axes of a horizontal stacked-count bar chart: counts along x on `ticks`, categories down y. */
export function countBarAxes(ticks: number[], categoryKey: string, categoryWidth: number) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke={GRID_COLOUR} horizontal={false} />,
    <XAxis
      key="x"
      type="number"
      allowDecimals={false}
      ticks={ticks}
      domain={[0, ticks.at(-1) ?? 1]}
      tick={{ fontSize: 12 }}
    />,
    <YAxis key="y" type="category" dataKey={categoryKey} width={categoryWidth} tick={{ fontSize: 12 }} />,
  ];
}
