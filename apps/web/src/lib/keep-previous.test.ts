import { describe, expect, it } from 'vitest';
import { keepPreviousOfTrial, queryTrialId } from './keep-previous';

const key = (input: unknown) => [['overview', 'get'], { input, type: 'query' }] as const;

describe('keepPreviousOfTrial', () => {
  it('keeps the previous page of the same trial on screen while the next loads', () => {
    const previous = { included: 44 };
    expect(
      keepPreviousOfTrial('artery-2')(previous, { queryKey: key({ trialId: 'artery-2', page: 1 }) }),
    ).toBe(previous);
  });

  it("never shows another trial's answer after a switch of trial", () => {
    expect(
      keepPreviousOfTrial('artery-2')({ included: 45 }, { queryKey: key({ trialId: 'pump-iii' }) }),
    ).toBe(undefined);
  });

  it('shows a loader when there is no previous query or its input names no trial', () => {
    expect(keepPreviousOfTrial('artery-2')({ x: 1 }, undefined)).toBe(undefined);
    expect(queryTrialId(key(undefined))).toBe(undefined);
    expect(queryTrialId(key({ trialId: 7 }))).toBe(undefined);
    expect(queryTrialId([['trials', 'list']])).toBe(undefined);
  });
});
