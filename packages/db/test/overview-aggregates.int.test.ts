// The overview's SQL aggregates must agree, participant by participant, with the domain rules they
// stand for (assessmentState, followUpPhase). Checked on a generated cohort at several dates.
import { addMonths, assessmentState, builtInTrial, followUpPhase, type IsoDate } from '@trialdesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { openTestDatabase } from '../src/testing/index.js';
import { generateCohort } from '../src/demo/generate-cohort.js';
import { insertCohort } from '../src/demo/insert-cohort.js';
import { insertTrial } from '../src/repositories/trials.js';
import { assessmentStateCounts, followUpBuckets } from '../src/repositories/overview.js';

const def = builtInTrial('pump-iii');
let open: OpenDatabase;

beforeAll(async () => {
  open = await openTestDatabase();
  const cohort = generateCohort({
    definition: def,
    seed: 99,
    asOf: '2026-11-26',
    participants: 600,
    inclusionsUntil: '2023-01-31',
  });
  await open.db.transaction().execute(async (trx) => {
    await insertTrial(trx, def, true, '2026-11-26T00:00:00.000Z');
    await insertCohort(trx, def, cohort, '2026-11-26T00:00:00.000Z');
  });
});
afterAll(() => open.close());

function tally(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const fixedDates: IsoDate[] = [
  '2021-06-30',
  '2022-02-28',
  '2024-02-29',
  '2025-03-01',
  '2026-11-26',
  '2028-06-01',
];

/** Dates on the edges the rules turn on: an open slot's window start and end, a follow-up anniversary. */
async function edgeDates(): Promise<IsoDate[]> {
  const open_ = await open.db
    .selectFrom('assessment_slots')
    .select(['window_start', 'window_end'])
    .where('status', '=', 'scheduled')
    .limit(3)
    .execute();
  const anniversaries = await open.db
    .selectFrom('participants')
    .select('time_zero')
    .where('time_zero', 'is not', null)
    .limit(2)
    .execute();
  return [
    ...open_.flatMap((s) => [s.window_start, s.window_end]),
    ...anniversaries.flatMap((p) => [
      addMonths(p.time_zero!, 12),
      addMonths(p.time_zero!, 36),
      addMonths(p.time_zero!, 60),
    ]),
  ];
}

describe('overview aggregates on the edges of windows and follow-up years', () => {
  it('agree with the domain rules on each edge date', async () => {
    const dates = await edgeDates();
    expect(dates.length).toBeGreaterThanOrEqual(9);
    for (const today of dates) {
      await expectStatesAgree(today);
      await expectBucketsAgree(today);
    }
  });
});

async function expectStatesAgree(today: IsoDate) {
  const slots = await open.db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('trial_id', '=', def.id)
    .execute();
  const expected = tally(
    slots
      .filter((s) => s.status !== 'cancelled')
      .map(
        (s) =>
          `${s.centre}:${assessmentState({ status: s.status === 'cancelled' ? 'not_applicable' : s.status, windowStart: s.window_start, windowEnd: s.window_end, performedDate: s.performed_date }, today)}`,
      ),
  );
  const got = await assessmentStateCounts(open.db, def.id, today);
  expect(new Map(got.map((g) => [`${g.centre}:${g.state}`, g.count])), today).toEqual(expected);
}

async function expectBucketsAgree(today: IsoDate) {
  const ps = await open.db.selectFrom('participants').selectAll().where('trial_id', '=', def.id).execute();
  const expected = tally(
    ps.map((p) => {
      const offEarly =
        p.off_study_date !== null &&
        p.off_study_date <= today &&
        (p.follow_up_end === null || p.off_study_date < p.follow_up_end);
      if (offEarly && p.off_study_reason) return `${p.centre}:${p.off_study_reason}`;
      const phase = followUpPhase(p.time_zero, today, def.followUpMonths);
      return `${p.centre}:${phase.kind === 'year' ? `year${phase.year}` : phase.kind}`;
    }),
  );
  const got = await followUpBuckets(open.db, def, today);
  expect(new Map(got.map((g) => [`${g.centre}:${g.bucket}`, g.count])), today).toEqual(expected);
}

describe.each(fixedDates)('overview aggregates on %s', (today) => {
  it('count assessment states as assessmentState does, per centre', () => expectStatesAgree(today));
  it('bucket participants by follow-up year as followUpPhase does, per centre', () =>
    expectBucketsAgree(today));
});
