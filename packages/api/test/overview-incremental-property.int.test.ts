// Issue 17: the overview kept per centre from one data version to the next (recomputing only the centres
// a write touched) must equal the overview computed from scratch, after any sequence of inclusions,
// screenings, withdrawals, corrections, voids, trial-wide changes and a new day (the next day at the same
// hour, the clock moved past midnight in Amsterdam, several days on: the day before's parts are carried
// over to the new day, overview-parts.ts). Random sequences through
// the real router with one shared cache (as the server runs it); on SQLite, and on PostgreSQL in the
// suite's PostgreSQL pass (TEST_DATABASE_URL).
import { addDays, dateInZone, type IsoDate } from '@trialdesk/domain';
import { findTrial } from '@trialdesk/db';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionedCache } from '../src/cache.js';
import { createContext } from '../src/context.js';
import { buildOverview } from '../src/reports/build-overview.js';
import { overviewCentrePage, type CentrePageInput } from '../src/reports/overview-centre-page.js';
import { createCaller } from '../src/root.js';
import { arteryInclusion } from './entry-helpers.js';
import { AS_OF, createHarness, type Harness } from './harness.js';

const trialId = 'artery-2';
const coordinators = ['coord-emc', 'coord-avl', 'coord-ijsselland'] as const;
type Caller = Awaited<ReturnType<Harness['as']>>;

let h: Harness;
let coords: Caller[];
let admin: Caller;
const cache = new VersionedCache();
/** Study IDs and record ids seen so far, picked from by index (the arbitraries cannot know them). */
const studyIds: string[] = [];
const eventIds: number[] = [];
const screeningNumbers: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  coords = await Promise.all(coordinators.map((u) => h.as(u)));
  admin = await h.as('admin');
  const rows = await h.rows<{ study_id: string }>(
    'SELECT study_id FROM participants WHERE trial_id = ? ORDER BY study_id',
    trialId,
  );
  studyIds.push(...rows.map((r) => r.study_id));
  await admin.trials.setTarget({ trialId, target: 500, reason: 'Room for the property test' });
});
afterAll(() => h.close());

/** Today as the server counts it: the date in Amsterdam. */
function today(): IsoDate {
  return dateInZone(h.clock.now);
}

/** The first instant of the next day in Amsterdam (23:00 or 22:00 UTC, by the time of year). */
function nextMidnight(): Date {
  const next = addDays(today(), 1);
  for (const hour of ['22', '23']) {
    const instant = new Date(`${today()}T${hour}:00:00.000Z`);
    if (dateInZone(instant) === next && dateInZone(new Date(instant.getTime() - 1)) === today())
      return instant;
  }
  throw new Error(`no midnight found after ${today()}`);
}

/** The overview through the router with the shared cache and its per-centre store (one page of centres). */
async function keptOverview(centrePage?: CentrePageInput) {
  const pi = await h.as('pi');
  const ctx = await createContext({
    db: h.open.db,
    clock: () => h.clock.now,
    live: h.live,
    cookies: pi.jar,
    cache,
  });
  return createCaller(ctx).overview.get({ trialId, centrePage });
}

async function freshOverview(centrePage?: CentrePageInput) {
  const fresh = await buildOverview(h.open.db, (await findTrial(h.open.db, trialId))!, today());
  return overviewCentrePage(fresh, centrePage);
}

/** Every centre, and one page of them (the web's request), each equal to the fresh computation's. */
async function expectKeptEqualsFresh(centrePage: CentrePageInput) {
  expect(await keptOverview()).toEqual(await freshOverview());
  expect(await keptOverview(centrePage)).toEqual(await freshOverview(centrePage));
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

const who = fc.integer({ min: 0, max: coordinators.length - 1 });
const back = fc.integer({ min: 0, max: 150 });
const index = fc.nat();
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('include' as const), who, back }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('screen' as const), who, back }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), index, back }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), index, back }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('voidParticipant' as const), index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('voidEvent' as const), index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('voidScreening' as const), index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('target' as const), extra: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nextDay' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('midnight' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('daysLater' as const), days: fc.integer({ min: 2, max: 45 }) }),
  },
);
// Pages past the last centre too: they must hold no centre rows, with the totals unchanged.
const centrePage = fc.record({
  page: fc.integer({ min: 0, max: 3 }),
  pageSize: fc.integer({ min: 1, max: 4 }),
});
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** The admin acts at any centre; the coordinator's own centre is where the participant is. */
async function run(o: Op): Promise<void> {
  const date = (days: number) => addDays(today(), -days);
  switch (o.kind) {
    case 'include': {
      const inclusionDate = date(o.back);
      const r = await coords[o.who]!.entry.inclusion.include(
        arteryInclusion({
          inclusionDate,
          consentDate: addDays(inclusionDate, -2),
          labDate: addDays(inclusionDate, -5),
        }),
      );
      studyIds.push(r.studyId);
      return;
    }
    case 'screen': {
      const r = await coords[o.who]!.entry.screening.record({
        trialId,
        screeningDate: date(o.back),
        outcome: 'declined',
      });
      screeningNumbers.push(r.screeningNumber);
      return;
    }
    case 'withdraw': {
      const studyId = pick(studyIds, o.index)!;
      const r = await admin.entry.events.record({
        trialId,
        studyId,
        event: { type: 'withdrawal', date: date(o.back % 20), reason: 'Patient request' },
      });
      eventIds.push(r.id);
      return;
    }
    case 'correct': {
      // A day earlier or up to three later: near enough to the stored consent and lab dates to pass.
      const studyId = pick(studyIds, o.index)!;
      const p = await h.row<{ inclusion_date: IsoDate }>(
        'SELECT inclusion_date FROM participants WHERE study_id = ?',
        studyId,
      );
      await admin.entry.corrections.correct({
        trialId,
        target: {
          record: 'participant',
          studyId,
          changes: { inclusionDate: addDays(p!.inclusion_date, (o.back % 5) - 1 || 1) },
        },
        reason: 'Transcription error',
      });
      return;
    }
    case 'voidParticipant':
      await admin.entry.corrections.void({
        trialId,
        target: { record: 'participant', studyId: pick(studyIds, o.index)! },
        reason: 'Entered in error',
      });
      return;
    case 'voidEvent': {
      const id = pick(eventIds, o.index);
      if (id !== undefined)
        await admin.entry.corrections.void({
          trialId,
          target: { record: 'event', id },
          reason: 'Wrong participant',
        });
      return;
    }
    case 'voidScreening': {
      const screeningNumber = pick(screeningNumbers, o.index);
      if (screeningNumber !== undefined)
        await admin.entry.corrections.void({
          trialId,
          target: { record: 'screening', screeningNumber },
          reason: 'Duplicate entry',
        });
      return;
    }
    case 'target':
      await admin.trials.setTarget({ trialId, target: 400 + o.extra, reason: 'Steering committee decision' });
      return;
    case 'nextDay':
      h.clock.now = new Date(h.clock.now.getTime() + 86_400_000);
      return;
    case 'midnight': {
      // A minute before midnight in Amsterdam (the overview of that day is kept), then a minute after.
      const midnight = nextMidnight().getTime();
      h.clock.now = new Date(midnight - 60_000);
      await expectKeptEqualsFresh({ page: 0, pageSize: 2 });
      h.clock.now = new Date(midnight + 60_000);
      return;
    }
    case 'daysLater':
      h.clock.now = new Date(h.clock.now.getTime() + o.days * 86_400_000);
      return;
  }
}

const tally = { accepted: 0, refused: 0 };

describe('overview kept per centre', () => {
  it('equals the overview computed from scratch after random writes, corrections and voids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), centrePage, async (ops, page) => {
        await expectKeptEqualsFresh(page);
        for (const o of ops) {
          try {
            await run(o);
            tally.accepted += 1;
          } catch (error) {
            // A refused write (a rule of the protocol, a record already voided) changes nothing; it is
            // part of the sequence all the same.
            expect(error).toBeInstanceOf(TRPCError);
            expect((error as TRPCError).code).not.toBe('INTERNAL_SERVER_ERROR');
            tally.refused += 1;
          }
          await expectKeptEqualsFresh(page);
        }
      }),
      { numRuns: 12 },
    );
    // The sequences must have written for real, not only been refused.
    expect(tally.accepted).toBeGreaterThan(20);
    expect(today() >= AS_OF).toBe(true);
  });
});
