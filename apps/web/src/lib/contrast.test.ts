import { describe, expect, it } from 'vitest';
import { matrixStates, stateStyles } from '../components/clinical/states';
import { contrastRatio } from './contrast';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1c5d8c', '#1c5d8c')).toBeCloseTo(1, 5);
  });

  it('matches the WCAG example of #767676 on white (4.54:1)', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('matrix state symbols', () => {
  it.each(matrixStates.filter((s) => s !== 'none'))('%s: symbol readable on its fill (≥ 4.5:1)', (state) => {
    const { ink, fill } = stateStyles[state];
    expect(contrastRatio(ink, fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every state its own symbol, so colour is not the only cue', () => {
    const symbols = matrixStates.map((s) => stateStyles[s].symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});
