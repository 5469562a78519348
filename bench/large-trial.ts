// Large synthetic trials for benchmarks: the PUMP-III protocol with many centres and participants.
// Entirely synthetic: centre codes are made up (CAAA, CAAB, …) and every record comes from the seeded
// generator used for the demo.
import { addMonths, builtInTrial, parseTrialDefinition, type TrialDefinition } from '@trialdesk/domain';
import { generateCohort, insertCohort, openSqlite, seedFrom, type OpenSqlite } from '@trialdesk/db';

export interface LargeTrialOptions {
  centres: number;
  participants: number;
  /** Years of follow-up per participant. */
  years: number;
  /** Years of recruitment. */
  recruitmentYears?: number;
  asOf?: string;
  seed?: number;
}

function centreCode(i: number): string {
  let code = '';
  let n = i;
  for (let k = 0; k < 3; k += 1) {
    code = String.fromCharCode(65 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return `C${code}`;
}

export function largeTrialDefinition(o: LargeTrialOptions): TrialDefinition {
  const base = builtInTrial('pump-iii');
  const asOf = o.asOf ?? '2026-11-26';
  const recruitmentYears = o.recruitmentYears ?? 3;
  const start = addMonths(asOf, -12 * (recruitmentYears + Math.min(o.years, 3)));
  const end = addMonths(start, 12 * recruitmentYears);
  const perCentre = Math.max(1, Math.round(o.participants / o.centres));
  return parseTrialDefinition({
    ...base,
    id: `bench-${o.participants}`,
    code: `BENCH-${o.participants}`,
    studyIdPrefix: 'BENCH',
    title: {
      en: `Synthetic benchmark trial (${o.participants} participants)`,
      nl: `Synthetische benchmarkstudie (${o.participants} deelnemers)`,
    },
    synthetic: true,
    target: o.participants,
    recruitment: { plannedStart: start, plannedEnd: end },
    followUpMonths: 12 * o.years,
    schedule: {
      ...base.schedule,
      assessments: base.schedule.assessments.filter((a) => a.month <= 12 * o.years),
    },
    centres: Array.from({ length: o.centres }, (_, i) => ({
      code: centreCode(i),
      name: `Synthetic centre ${i + 1}`,
      city: 'Nowhere',
      target: perCentre,
      activationDate: start,
    })),
  });
}

/** Creates (or reuses) a database file holding one large synthetic trial. */
export async function buildLargeTrial(
  file: string,
  o: LargeTrialOptions,
): Promise<{ open: OpenSqlite; definition: TrialDefinition }> {
  const definition = largeTrialDefinition(o);
  const open = openSqlite(file);
  const exists = await open.db
    .selectFrom('trials')
    .select('id')
    .where('id', '=', definition.id)
    .executeTakeFirst();
  if (!exists) {
    const now = new Date().toISOString();
    const cohort = generateCohort({
      definition,
      seed: seedFrom(definition.id, o.seed ?? 7),
      asOf: o.asOf ?? '2026-11-26',
      participants: o.participants,
      inclusionsUntil: definition.recruitment.plannedEnd,
    });
    await open.db.transaction().execute(async (trx) => {
      const { insertTrial } = await import('@trialdesk/db');
      await insertTrial(trx, definition, true, now);
      await insertCohort(trx, definition, cohort, now);
    });
  }
  // The generated pump visits carry no stored windows: the server would store them at start-up, one
  // participant per commit (minutes at 100 000, so the benchmark's server did not start within 60 s).
  // Stored here once, in one transaction; a no-op when they are there.
  const { backfillCycleTimings } = await import('@trialdesk/db');
  await open.db.transaction().execute((trx) => backfillCycleTimings(trx));
  return { open, definition };
}
