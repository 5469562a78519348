import { describe, expect, it } from 'vitest';
import { isAssumption } from './assumptions';

describe('isAssumption', () => {
  const assumptions = ['centres.target', 'schedule', 'milestones'];

  it('matches a listed setting exactly', () => {
    expect(isAssumption(assumptions, 'centres.target')).toBe(true);
  });

  it('covers the parts of a listed setting', () => {
    expect(isAssumption(assumptions, 'schedule.assessments')).toBe(true);
  });

  it('does not mark a sibling or a parent of a listed setting', () => {
    expect(isAssumption(assumptions, 'centres.activationDate')).toBe(false);
    expect(isAssumption(assumptions, 'centres')).toBe(false);
    expect(isAssumption(assumptions, 'scheduleX')).toBe(false);
  });
});
