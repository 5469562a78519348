// Issue 12: every procedure declares its output, so what leaves the server is named in one place and
// checked at run time (a field that is not declared is dropped, an answer of the wrong shape refused).
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.js';

interface ProcedureLike {
  _def: { output?: unknown };
}

describe('every procedure', () => {
  it('declares .output()', () => {
    const procedures = Object.entries(
      (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
    );
    expect(procedures.length).toBeGreaterThan(40);
    const undeclared = procedures.filter(([, p]) => p._def.output === undefined).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });
});
