// Loads the values R computed (test/r/make-reference.R) and compares ours against them.
import { readFileSync } from 'node:fs';
import type { ConfType, SurvivalObservation } from '../src/index.js';

type Num = number | null;

export interface RData {
  time: number[];
  event: boolean[];
}

export interface RKaplanMeierFit {
  confType: ConfType;
  confLevel: number;
  steps: {
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    surv: number[];
    stdErr: Num[];
    lower: Num[];
    upper: Num[];
  };
  median: { estimate: Num; lower: Num; upper: Num };
  at: { time: number[]; nRisk: number[]; surv: number[]; stdErr: Num[]; lower: Num[]; upper: Num[] };
}

export interface RReference {
  rVersion: string;
  survivalVersion: string;
  kaplanMeier: { name: string; data: RData; atTimes: number[]; fits: RKaplanMeierFit[] }[];
  logRank: {
    name: string;
    groups: RData[];
    chiSquare: number;
    df: number;
    pValue: number;
    observed: number[];
    expected: number[];
  }[];
  pchisqUpper: { q: number; df: number; upper: number }[];
  qnorm: { p: number; q: number }[];
}

export const reference = JSON.parse(
  readFileSync(new URL('./fixtures/r-reference.json', import.meta.url), 'utf8'),
) as RReference;

export function observations(data: RData): SurvivalObservation[] {
  return data.time.map((time, i) => ({ time, event: data.event[i]! }));
}

/**
 * Collects every disagreement with R instead of stopping at the first, so a failure shows all
 * of them. Numbers agree when within `tol` absolutely or relatively to R's value (whichever is
 * looser: survival probabilities are compared absolutely, times and chi-squares relatively);
 * R's NA (null) only matches null.
 */
export class Comparison {
  readonly mismatches: string[] = [];
  count = 0;

  constructor(private readonly tol = 1e-6) {}

  value(path: string, actual: Num | undefined, expected: Num): void {
    this.count++;
    if (expected === null || actual === null || actual === undefined) {
      if (actual !== expected)
        this.mismatches.push(`${path}: got ${String(actual)}, R has ${String(expected)}`);
      return;
    }
    if (actual === expected) return; // also R's Inf (written 1e999) against Infinity
    const scale = Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= this.tol * scale)) {
      this.mismatches.push(`${path}: got ${actual}, R has ${expected}`);
    }
  }

  array(path: string, actual: readonly (Num | undefined)[], expected: readonly Num[]): void {
    this.count++;
    if (actual.length !== expected.length) {
      this.mismatches.push(`${path}: got ${actual.length} values, R has ${expected.length}`);
      return;
    }
    expected.forEach((e, i) => this.value(`${path}[${i}]`, actual[i], e));
  }
}
