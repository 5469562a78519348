// Loads the values R computed for the committee's statistics (test/r/make-committee-reference.R).
import { readFileSync } from 'node:fs';
import type { ConfType } from '../src/index.js';
import type { RData } from './reference.js';

type Num = number | null;
type Group = string | number;

export interface RCommitteeReference {
  rVersion: string;
  survivalVersion: string;
  medianFollowUp: {
    name: string;
    data: RData;
    fits: { confType: ConfType; confLevel: number; estimate: Num; lower: Num; upper: Num }[];
  }[];
  cumulativeIncidence: {
    name: string;
    data: { time: number[]; cause: number[] };
    causes: number;
    /** incidence[k][i] and stdErr[k][i]: cause k + 1 at the i-th time. */
    steps: { time: number[]; nRisk: number[]; incidence: number[][]; stdErr: number[][] };
  }[];
  coxData: { name: string; time: number[]; event: boolean[]; group: Group[] }[];
  coxPh: {
    set: string;
    ties: 'efron' | 'breslow';
    reference: Group | null;
    confLevel: number;
    resultReference: Group;
    terms: {
      group: Group[];
      coefficient: Num[];
      stdErr: Num[];
      hazardRatio: Num[];
      lower: Num[];
      upper: Num[];
      mayBeInfinite: boolean[];
    };
    waldChiSquare: number;
    likelihoodRatioChiSquare: number;
    scoreChiSquare: number;
    df: number;
    iterations: number;
    converged: boolean;
    warnings: string[];
  }[];
}

export const committeeReference = JSON.parse(
  readFileSync(new URL('./fixtures/r-committee-reference.json', import.meta.url), 'utf8'),
) as RCommitteeReference;
