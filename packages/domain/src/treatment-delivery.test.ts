// One definition per number: "reached cycle N" and "received all N cycles" counted by hand on a small
// trial, and the same counts wherever they are shown (CONSORT and Safety derive them from one function).
import { describe, expect, it } from 'vitest';
import { consortFlow } from './consort.js';
import { cycle, participant } from './endpoints-fixtures.js';
import { safetySummary } from './safety.js';
import { deliveryCountLabel, reachedFinalCycle, receivedAllCycles } from './treatment-delivery.js';
import { builtInTrial } from './trials/index.js';

const def = builtInTrial('pump-iii');
const months = (n: number) => `2022-${String(n + 1).padStart(2, '0')}-01`;
const given = (...numbers: number[]) => numbers.map((n) => cycle(n, months(n)));

const participants = [
  // All six given, one at a reduced dose: reached cycle 6 and received all six.
  participant({
    studyId: 'A',
    cycles: [...given(1, 2, 3), cycle(4, months(4), 'reduced', 'ALAT'), ...given(5, 6)],
  }),
  // Cycle 3 skipped, then 4–6 given: reached cycle 6, but received five.
  participant({
    studyId: 'B',
    cycles: [...given(1, 2), cycle(3, months(3), 'skipped', 'Liver enzymes'), ...given(4, 5, 6)],
  }),
  // Cycle 6 skipped: did not reach cycle 6.
  participant({
    studyId: 'C',
    cycles: [...given(1, 2, 3, 4, 5), cycle(6, months(6), 'skipped', 'Bilirubin')],
  }),
  // Stopped at cycle 6: no drug at that visit, so cycle 6 was not reached.
  participant({
    studyId: 'D',
    cycles: [...given(1, 2, 3, 4, 5), cycle(6, months(6), 'stopped', 'Toxicity')],
  }),
  // Four given, treatment still going.
  participant({ studyId: 'E', cycles: given(1, 2, 3, 4) }),
];

describe('treatment delivery definitions', () => {
  it('counts a cycle as given unless skipped or stopped', () => {
    const reached = participants.map((p) => reachedFinalCycle(p.cycles, 6));
    const all = participants.map((p) => receivedAllCycles(p.cycles, 6));
    expect(reached).toEqual([true, true, false, false, false]);
    expect(all).toEqual([true, false, false, false, false]);
  });

  it('shows the same numbers under the same labels in CONSORT and in Safety', () => {
    const data = {
      format: 1 as const,
      trialId: def.id,
      asOf: '2022-12-31',
      synthetic: true,
      participants,
      screenings: [],
    };
    const flow = consortFlow(def, data).treatment;
    const safety = safetySummary(def, data).delivery;
    expect(flow).toMatchObject({ startedHaip: 5, reachedFinalCycle: 2, receivedAllCycles: 1 });
    expect(safety).toMatchObject({ withPump: 5, reachedFinalCycle: 2, receivedAllCycles: 1 });
    // Safety's distribution of cycles given agrees: only A has six cycles with drug.
    expect(safety.cyclesGiven.find((c) => c.cycles === 6)?.participants).toBe(safety.receivedAllCycles);
    // The CONSORT boxes below "Started HAIP" still partition it.
    expect(flow.reachedFinalCycle + flow.stopped.count + flow.endedEarly + flow.onTreatment).toBe(
      flow.startedHaip,
    );
  });
});

describe('delivery count labels', () => {
  it('name what they count, in English and Dutch', () => {
    expect(deliveryCountLabel('reachedFinalCycle', 'en', 6)).toBe('Reached cycle 6');
    expect(deliveryCountLabel('receivedAllCycles', 'en', 6)).toBe('Received all 6 cycles');
    expect(deliveryCountLabel('receivedAllCycles', 'nl', 4)).toBe('Alle 4 cycli gekregen');
  });
});
