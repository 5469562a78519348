// How an assessment state looks. Colour is never the only carrier: each state has a symbol and a word,
// and the legend shows all three. Tints keep the symbol readable (contrast ≥ 4.5:1 against the fill).
import type { ClinicalKey } from './messages';

export const matrixStates = [
  'done',
  'done_late',
  'missed',
  'due',
  'overdue',
  'upcoming',
  'not_applicable',
  'none',
] as const;
export type MatrixState = (typeof matrixStates)[number];

interface StateStyle {
  symbol: string;
  /** Cell fill (light tint) and text colour on it. */
  fill: string;
  ink: string;
  /** Solid colour for charts. */
  chart: string;
  label: ClinicalKey;
  hint: ClinicalKey;
}

export const stateStyles: Record<MatrixState, StateStyle> = {
  done: {
    symbol: '✓',
    fill: '#d3f9d8',
    ink: '#1b5e20',
    chart: '#2f9e44',
    label: 'state_done',
    hint: 'stateHint_done',
  },
  done_late: {
    symbol: '✓!',
    fill: '#c5f6fa',
    ink: '#0b4f5c',
    chart: '#0c8599',
    label: 'state_done_late',
    hint: 'stateHint_done_late',
  },
  missed: {
    symbol: '✗',
    fill: '#ffe3e3',
    ink: '#a51111',
    chart: '#e03131',
    label: 'state_missed',
    hint: 'stateHint_missed',
  },
  due: {
    symbol: '●',
    fill: '#fff3bf',
    ink: '#7a4b00',
    chart: '#f08c00',
    label: 'state_due',
    hint: 'stateHint_due',
  },
  overdue: {
    symbol: '!',
    fill: '#ffd8a8',
    ink: '#8a2d00',
    chart: '#d9480f',
    label: 'state_overdue',
    hint: 'stateHint_overdue',
  },
  upcoming: {
    symbol: '○',
    fill: '#edf2ff',
    ink: '#364fc7',
    chart: '#91a7ff',
    label: 'state_upcoming',
    hint: 'stateHint_upcoming',
  },
  not_applicable: {
    symbol: '–',
    fill: '#f1f3f5',
    ink: '#495057',
    chart: '#ced4da',
    label: 'state_not_applicable',
    hint: 'stateHint_not_applicable',
  },
  none: {
    symbol: '',
    fill: 'transparent',
    ink: '#868e96',
    chart: '#e9ecef',
    label: 'state_none',
    hint: 'stateHint_none',
  },
};

/** Okabe–Ito colours, distinguishable with colour-vision deficiencies; centres take them in order. */
const seriesColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];

export function seriesColour(index: number): string {
  return seriesColours[index % seriesColours.length] ?? '#0072B2';
}
