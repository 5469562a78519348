// Property-based tests, one per data-entry mutation: random and malformed inputs (wrong types, impossible
// and future dates, values out of range, unknown ids, half-valid records) never produce a server error
// (500), and a refused call leaves every clinical table and the audit log exactly as it was: the same
// row counts, and no row inserted, updated or deleted (a trigger-fed change log, see installChangeLog).
import { fromDayNumber, toDayNumber } from '@trialdesk/domain';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arteryInclusion, installChangeLog, pumpInclusion, rowCounts } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';

const NUM_RUNS = 150;

let h: Harness;
let changes: () => Promise<number>;
const ids = { cycle: 0, event: 0 };
let callers: Record<'coord' | 'admin' | 'pi', Awaited<ReturnType<Harness['as']>>>;
beforeAll(async () => {
  h = await createHarness();
  changes = await installChangeLog(h);
  // A real pump visit and event at Erasmus MC, for corrections and voids near validity.
  const p = await h.open.db
    .selectFrom('participants')
    .select('id')
    .where('study_id', '=', 'ART2-EMC-022')
    .executeTakeFirstOrThrow();
  const cycle = await h.open.db
    .selectFrom('treatment_cycles')
    .select('id')
    .where('participant_id', '=', p.id)
    .where('cycle', '=', 4)
    .executeTakeFirstOrThrow();
  const event = await h.open.db
    .selectFrom('events')
    .select('id')
    .where('trial_id', '=', 'artery-2')
    .where('centre', '=', 'EMC')
    .where('type', '=', 'complication')
    .executeTakeFirstOrThrow();
  ids.cycle = cycle.id;
  ids.event = event.id;
  callers = { coord: await h.as('coord-emc'), admin: await h.as('admin'), pi: await h.as('pi') };
});
afterAll(() => h.close());

// ---------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------
const junk = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, '', ' ', NaN, Infinity, -1, 1e308, '2023-02-30', [], {}),
);
const validDate = fc
  .integer({ min: toDayNumber('2025-06-01'), max: toDayNumber('2026-12-15') })
  .map((d) => fromDayNumber(d));
const pad = (n: number) => String(n).padStart(2, '0');
const oddDate = fc
  .tuple(
    fc.integer({ min: 1990, max: 2100 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const date = fc.oneof(
  { weight: 6, arbitrary: validDate },
  { weight: 2, arbitrary: oddDate },
  { weight: 1, arbitrary: junk },
);
const num = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }) },
  fc.double({ min: -10, max: 300 }),
  fc.integer({ min: -5, max: 2000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e9),
  junk,
);
const maybe = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: junk });
const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Patient request', 'Pneumonia', 'Bile leak', 'Moved abroad') },
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 490, maxLength: 520 }),
  junk,
);
const studyId = maybe(
  fc.constantFrom(
    'ART2-EMC-018',
    'ART2-EMC-020',
    'ART2-EMC-024',
    'ART2-EMC-025',
    'ART2-AVL-014',
    'ART2-EMC-999',
    'PUMP3-EMC-001',
    'art2-emc-1',
  ),
);
/** Now and then the whole input is junk instead. */
const mostly = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: junk }, { weight: 6, arbitrary: a });
const trialId = fc.oneof(
  { weight: 8, arbitrary: fc.constant('artery-2') },
  { weight: 1, arbitrary: fc.constantFrom('pump-iii', 'nope') },
  { weight: 1, arbitrary: junk },
);
const caller = fc.oneof(
  { weight: 4, arbitrary: fc.constant('coord' as const) },
  { weight: 1, arbitrary: fc.constant('admin' as const) },
);
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.record(shape, { requiredKeys: [] });

/** A valid input with exactly one field replaced by something random (or removed). */
function oneFieldOff(base: Record<string, unknown>) {
  const value = fc.oneof(junk, date, num, text, fc.constant(undefined));
  return fc.constantFrom(...Object.keys(base)).chain((key) => value.map((v) => ({ ...base, [key]: v })));
}

/** Near-valid inputs (one field off), the structured random ones, and now and then the base itself. */
function around(base: Record<string, unknown>, random: fc.Arbitrary<unknown>) {
  return fc.oneof(
    { weight: 3, arbitrary: oneFieldOff(base) },
    { weight: 3, arbitrary: random },
    { weight: 1, arbitrary: fc.constant(base) },
  );
}

// ---------------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------------
type Tally = { accepted: number; refused: Record<string, number> };
const tallies: Record<string, Tally> = {};

async function neverBreaks(name: string, call: () => Promise<unknown>) {
  const tally = (tallies[name] ??= { accepted: 0, refused: {} });
  const counts = await rowCounts(h.open.db);
  const changed = await changes();
  try {
    await call();
    tally.accepted += 1;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const code = (error as TRPCError).code;
    expect(code).not.toBe('INTERNAL_SERVER_ERROR');
    tally.refused[code] = (tally.refused[code] ?? 0) + 1;
    if (process.env.ENTRY_PROPERTY_DEBUG)
      console.info(name, code, JSON.stringify((error as { fields?: unknown }).fields));
    expect(await rowCounts(h.open.db)).toEqual(counts);
    expect(await changes()).toBe(changed);
  }
}

async function run<T>(name: string, arb: fc.Arbitrary<T>, call: (input: T) => Promise<unknown>) {
  await fc.assert(
    fc.asyncProperty(arb, (input) => neverBreaks(name, () => call(input))),
    { numRuns: NUM_RUNS },
  );
  const t = tallies[name];
  console.info(
    `${name}: ${NUM_RUNS} runs, ${t?.accepted ?? 0} accepted, refused ${JSON.stringify(t?.refused ?? {})}`,
  );
}

describe('random and malformed input never breaks a mutation', () => {
  it('entry.screening.record', { timeout: 60_000 }, async () => {
    const outcome = fc.oneof(
      fc.record({
        outcome: fc.constant('not_eligible'),
        failedCriteria: fc.subarray(['ecog', 'platelets', 'labDate'], { minLength: 1 }),
      }),
      fc.record({ outcome: fc.constantFrom('included', 'declined'), failedCriteria: fc.constant([]) }),
      fc.record({ outcome: fc.constant('other'), reason: text }),
      partial({
        outcome: maybe(fc.constantFrom('included', 'not_eligible', 'declined', 'other')),
        failedCriteria: maybe(fc.array(fc.constantFrom('ecog', 'hb', 'Bad-Id'), { maxLength: 3 })),
        reason: fc.oneof(text, fc.constant(null)),
      }),
    );
    const input = mostly(
      fc
        .tuple(
          partial({ trialId, centre: maybe(fc.constantFrom('EMC', 'AVL', 'XYZ')), screeningDate: date }),
          outcome,
        )
        .map(([a, b]) => ({ ...a, ...b })),
    );
    await run(
      'screening.record',
      fc.tuple(
        caller,
        around(
          {
            trialId: 'artery-2',
            screeningDate: '2026-11-20',
            outcome: 'declined',
            failedCriteria: [],
            reason: null,
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.screening.record(i as never),
    );
  });

  it('entry.inclusion.include', { timeout: 60_000 }, async () => {
    const base = arteryInclusion();
    const measure = fc.record({ value: num, uln: fc.oneof(num, fc.constant(null)) }, { requiredKeys: [] });
    const input = fc.oneof(
      { weight: 1, arbitrary: junk },
      {
        weight: 6,
        arbitrary: fc
          .record(
            {
              inclusionDate: date,
              consentDate: date,
              labDate: fc.oneof(date, fc.constant(null)),
              sex: maybe(fc.constantFrom('female', 'male')),
              measures: fc.dictionary(
                fc.constantFrom('age', 'ecog', 'anc', 'platelets', 'bilirubin', 'egfr', 'hb'),
                measure,
              ),
              answers: fc.dictionary(
                fc.constantFrom('informedConsent', 'pregnantOrLactating', 'extrahepaticDisease', 'x'),
                maybe(fc.boolean()),
              ),
              centre: maybe(fc.constantFrom('EMC', 'AVL', 'ZZZ')),
              screeningNumber: maybe(fc.constantFrom('SCR-EMC-001', 'SCR-EMC-041', 'SCR-AVL-002')),
              trialId,
            },
            { requiredKeys: [] },
          )
          .map((changes) => ({ ...base, ...changes, measures: { ...base.measures, ...changes.measures } })),
      },
      { weight: 1, arbitrary: fc.constant(pumpInclusion()) },
    );
    await run('inclusion.include', fc.tuple(caller, around(arteryInclusion(), input)), ([who, i]) =>
      callers[who].entry.inclusion.include(i as never),
    );
  });

  it('entry.surgery.record', { timeout: 60_000 }, async () => {
    const pump = fc.oneof(
      fc.record({ placed: fc.constant(true), date }),
      fc.record({ placed: fc.constant(false), reason: text }),
      junk,
    );
    const input = mostly(partial({ trialId, studyId, surgeryDate: date, pump }));
    await run(
      'surgery.record',
      fc.tuple(
        caller,
        around(
          {
            trialId: 'artery-2',
            studyId: 'ART2-AVL-014',
            surgeryDate: '2026-11-20',
            pump: { placed: true, date: '2026-11-20' },
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.surgery.record(i as never),
    );
  });

  it('entry.cycles.record', { timeout: 60_000 }, async () => {
    const input = mostly(
      partial({
        trialId,
        studyId,
        cycle: maybe(fc.integer({ min: -1, max: 7 })),
        cycleDate: date,
        emptyDate: fc.oneof(date, fc.constant(null)),
        flowRateMlDay: fc.oneof(num, fc.constant(null)),
        returnedVolumeMl: fc.oneof(num, fc.constant(null)),
        doseMg: fc.oneof(num, fc.constant(null)),
        modification: maybe(fc.constantFrom('none', 'reduced', 'delayed', 'skipped', 'stopped')),
        modificationReason: fc.oneof(text, fc.constant(null)),
      }),
    );
    await run(
      'cycles.record',
      fc.tuple(
        caller,
        around(
          {
            trialId: 'artery-2',
            studyId: 'ART2-EMC-025',
            cycle: 1,
            cycleDate: '2026-11-25',
            doseMg: 40,
            modification: 'none',
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.cycles.record(i as never),
    );
  });

  it('entry.assessments.record', { timeout: 60_000 }, async () => {
    const result = fc.oneof(
      partial({
        status: fc.constant('done'),
        performedDate: date,
        cea: fc.oneof(num, fc.constant(null)),
        imagingResult: maybe(fc.constantFrom('no_recurrence', 'hepatic', 'extrahepatic', 'both')),
      }),
      partial({ status: fc.constant('missed'), reason: text }),
      junk,
    );
    const input = mostly(
      partial({ trialId, studyId, month: maybe(fc.constantFrom(1, 2, 3, 6, 9, 12, 18, 24)), result }),
    );
    await run(
      'assessments.record',
      fc.tuple(
        caller,
        around(
          {
            trialId: 'artery-2',
            studyId: 'ART2-EMC-020',
            month: 9,
            result: { status: 'done', performedDate: '2026-11-20', cea: 2, imagingResult: 'no_recurrence' },
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.assessments.record(i as never),
    );
  });

  it('entry.events.record', { timeout: 60_000 }, async () => {
    const event = fc.oneof(
      partial({
        type: fc.constant('recurrence'),
        date,
        site: maybe(fc.constantFrom('hepatic', 'extrahepatic', 'both')),
      }),
      partial({ type: fc.constant('death'), date, cause: text }),
      partial({
        type: fc.constant('complication'),
        date,
        term: text,
        category: maybe(fc.constantFrom('surgical', 'pump', 'toxicity', 'other')),
        gradeScale: maybe(fc.constantFrom('clavien_dindo', 'ctcae')),
        grade: maybe(fc.constantFrom('I', 'IIIa', 'V', '1', '3', '6')),
        haipRelated: maybe(fc.boolean()),
        resolutionDate: fc.oneof(date, fc.constant(null)),
      }),
      partial({ type: fc.constantFrom('withdrawal', 'lost_to_follow_up'), date, reason: text }),
      junk,
    );
    const input = mostly(partial({ trialId, studyId, event }));
    await run(
      'events.record',
      fc.tuple(
        caller,
        around(
          {
            trialId: 'artery-2',
            studyId: 'ART2-EMC-020',
            event: { type: 'recurrence', date: '2026-11-10', site: 'hepatic' },
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.events.record(i as never),
    );
  });

  it('entry.corrections.correct', { timeout: 60_000 }, async () => {
    const id = maybe(fc.integer({ min: -1, max: 3000 }));
    const target = fc.oneof(
      partial({
        record: fc.constant('participant'),
        studyId,
        changes: partial({
          inclusionDate: date,
          consentDate: date,
          sex: maybe(fc.constantFrom('female', 'male')),
          ageAtInclusion: num,
          surgeryDate: date,
          pumpDate: fc.oneof(date, fc.constant(null)),
        }),
      }),
      partial({
        record: fc.constant('cycle'),
        id,
        changes: partial({
          cycleDate: date,
          doseMg: fc.oneof(num, fc.constant(null)),
          modification: maybe(fc.constantFrom('none', 'stopped')),
          modificationReason: fc.oneof(text, fc.constant(null)),
        }),
      }),
      partial({
        record: fc.constant('assessment'),
        id,
        changes: partial({ performedDate: date, cea: num, missedReason: text }),
      }),
      partial({
        record: fc.constant('event'),
        id,
        changes: partial({ date, grade: maybe(fc.constantFrom('II', '2')), reason: text }),
      }),
      partial({
        record: fc.constant('screening'),
        screeningNumber: maybe(fc.constantFrom('SCR-EMC-001', 'SCR-EMC-030', 'SCR-AVL-001')),
        changes: partial({ outcome: maybe(fc.constantFrom('declined', 'other', 'included')), reason: text }),
      }),
      junk,
    );
    const input = mostly(partial({ trialId, target, reason: text }));
    await run(
      'corrections.correct',
      fc.tuple(
        fc.constantFrom('coord' as const, 'admin' as const, 'pi' as const),
        around(
          {
            trialId: 'artery-2',
            target: { record: 'cycle', id: ids.cycle, changes: { doseMg: 33.3 } },
            reason: 'Typo in the dose',
          },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.corrections.correct(i as never),
    );
  });

  it('entry.corrections.void', { timeout: 60_000 }, async () => {
    const id = maybe(fc.integer({ min: -1, max: 3000 }));
    const target = fc.oneof(
      partial({ record: fc.constantFrom('cycle', 'assessment', 'event'), id }),
      partial({ record: fc.constant('participant'), studyId }),
      partial({
        record: fc.constant('screening'),
        screeningNumber: maybe(fc.constantFrom('SCR-EMC-002', 'SCR-EMC-041', 'SCR-IJS-001')),
      }),
      junk,
    );
    const input = mostly(partial({ trialId, target, reason: text }));
    await run(
      'corrections.void',
      fc.tuple(
        fc.constantFrom('coord' as const, 'admin' as const, 'pi' as const),
        around(
          { trialId: 'artery-2', target: { record: 'event', id: ids.event }, reason: 'Entered twice' },
          input,
        ),
      ),
      ([who, i]) => callers[who].entry.corrections.void(i as never),
    );
  });

  it('trials.setTarget', { timeout: 60_000 }, async () => {
    const input = mostly(
      partial({ trialId, target: maybe(fc.integer({ min: -5, max: 200_000 })), reason: text }),
    );
    await run(
      'trials.setTarget',
      fc.tuple(
        fc.constantFrom('admin' as const, 'coord' as const),
        around({ trialId: 'artery-2', target: 100, reason: 'More centres joined' }, input),
      ),
      ([who, i]) => callers[who].trials.setTarget(i as never),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The other half of the property: inputs that are valid are accepted, every one of them.
// ---------------------------------------------------------------------------------------------------
describe('valid input is always accepted', () => {
  // ARTERY-2's centres opened by 2025; the harness's today is 2026-11-26.
  const screeningDate = fc
    .integer({ min: toDayNumber('2025-06-01'), max: toDayNumber('2026-11-26') })
    .map((d) => fromDayNumber(d));
  const validScreening = fc.oneof(
    fc.record({
      outcome: fc.constant('not_eligible' as const),
      failedCriteria: fc.subarray(['ecog', 'platelets', 'labDate'], { minLength: 1 }),
      reason: fc.constant(null),
    }),
    fc.record({
      outcome: fc.constant('declined' as const),
      failedCriteria: fc.constant<string[]>([]),
      reason: fc.oneof(fc.constant(null), fc.constantFrom('Prefers standard care', 'Lives too far away')),
    }),
    fc.record({
      outcome: fc.constant('other' as const),
      failedCriteria: fc.constant<string[]>([]),
      reason: fc.constantFrom('Enrolled in another trial', 'Surgery cancelled', 'Ander onderzoek'),
    }),
  );

  it(
    'entry.screening.record accepts every valid screening and numbers it',
    { timeout: 120_000 },
    async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(screeningDate, validScreening, async (date, outcome) => {
          const r = await callers.coord.entry.screening.record({
            trialId: 'artery-2',
            screeningDate: date,
            ...outcome,
          });
          expect(r.screeningNumber).toMatch(/^SCR-EMC-\d{3,}$/);
          expect(seen.has(r.screeningNumber)).toBe(false);
          seen.add(r.screeningNumber);
        }),
        { numRuns: 40 },
      );
      expect(seen.size).toBe(40);
    },
  );
});
