// The demo instance: both built-in trials, one account per role, and synthetic cohorts for each trial
// generated from a fixed seed up to the as-of date. Runs only on an empty database.
import {
  builtInTrials,
  plannedAccrual,
  type IsoDate,
  type MemberRole,
  type Role,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { Db } from '../database.js';
import { appendAuditEvent } from '../audit/audit-event.js';
import { hashPassword } from '../password.js';
import { insertTrial } from '../repositories/trials.js';
import { insertMembership } from '../repositories/memberships.js';
import { insertUser } from '../repositories/users.js';
import { generateCohort } from './generate-cohort.js';
import { insertCohort } from './insert-cohort.js';
import { seedMonitoring } from './seed-monitoring.js';
import { seedDemoSafety } from './seed-demo-safety.js';
import { seedDemoMeetings } from './seed-demo-meetings.js';
import { seedDemoSignatures } from './seed-demo-signatures.js';
import { seedDemoNotifications } from './seed-demo-notifications.js';
import { seedFrom } from './prng.js';

export const DEMO_SEED = 20210201;
export const DEMO_PASSWORD = 'trialdesk-demo';

export const demoAccounts: readonly {
  username: string;
  displayName: string;
  role: Role;
  centre: string | null;
}[] = [
  { username: 'admin', displayName: 'Demo data manager', role: 'admin', centre: null },
  { username: 'pi', displayName: 'Demo principal investigator', role: 'pi', centre: null },
  { username: 'coord-emc', displayName: 'Demo coordinator Erasmus MC', role: 'coordinator', centre: 'EMC' },
  {
    username: 'coord-ijsselland',
    displayName: 'Demo coordinator IJsselland',
    role: 'coordinator',
    centre: 'IJS',
  },
  { username: 'coord-avl', displayName: 'Demo coordinator AVL', role: 'coordinator', centre: 'AVL' },
  { username: 'steering', displayName: 'Demo steering committee', role: 'steering', centre: null },
  { username: 'monitor', displayName: 'Demo monitor', role: 'monitor', centre: null },
  // One person, two trials, two roles: what trial memberships are for.
  {
    username: 'pi-steering',
    displayName: 'Demo PI of ARTERY-2, steering committee of PUMP-III',
    role: 'pi',
    centre: null,
  },
];

/**
 * The demo's trial memberships: every account but the administrator (who has every trial) is a member of
 * every demo trial with its own role and centre, except `pi-steering`, who is PI of ARTERY-2 and a member of
 * PUMP-III's steering committee.
 */
export function demoMemberships(
  trialIds: readonly string[],
): { username: string; trialId: string; role: MemberRole; centre: string | null }[] {
  const special: Record<string, Partial<Record<string, MemberRole>>> = {
    'pi-steering': { 'artery-2': 'pi', 'pump-iii': 'steering' },
  };
  return demoAccounts.flatMap((account) => {
    const role = account.role;
    if (role === 'admin') return [];
    return trialIds.flatMap((trialId) => {
      const own = special[account.username];
      const trialRole = own ? own[trialId] : role;
      if (!trialRole) return [];
      return [{ username: account.username, trialId, role: trialRole, centre: account.centre }];
    });
  });
}

const SYSTEM = { userId: null, username: 'system', role: null, ip: null } as const;

/**
 * How many synthetic participants a demo trial has by the as-of date: the target for a trial whose
 * recruitment has ended, else about 85% of the planned line (a trial a little behind schedule).
 */
export function demoCohortSize(def: TrialDefinition, asOf: IsoDate): number {
  if (asOf >= def.recruitment.plannedEnd) return def.target;
  return Math.min(
    def.target - 1,
    Math.round(
      0.85 * plannedAccrual(def.recruitment.plannedStart, def.recruitment.plannedEnd, def.target, asOf),
    ),
  );
}

/** The synthetic cohort the demo gives a trial: its own seed derived from the demo's, sized by demoCohortSize. */
export function demoCohort(def: TrialDefinition, asOf: IsoDate, seed: number = DEMO_SEED) {
  return generateCohort({
    definition: def,
    seed: seedFrom(def.id, seed),
    asOf,
    participants: demoCohortSize(def, asOf),
  });
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('trials').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(
  db: Db,
  options: {
    asOf: IsoDate;
    now: string;
    seed?: number;
    trials?: readonly TrialDefinition[];
    /** Tests only (TEST_ONLY_PASSWORD_COST): the demo accounts' hashing cost; production never passes it. */
    passwordCost?: { N: number };
  },
): Promise<void> {
  const seed = options.seed ?? DEMO_SEED;
  const trials = options.trials ?? builtInTrials;
  const hashes = await Promise.all(demoAccounts.map(() => hashPassword(DEMO_PASSWORD, options.passwordCost)));
  await db.transaction().execute(async (trx) => {
    for (const def of trials) {
      await insertTrial(trx, def, true, options.now);
      await appendAuditEvent(trx, SYSTEM, options.now, {
        action: 'trial.registered',
        entityType: 'trial',
        entityId: def.id,
        trialId: def.id,
        centre: null,
        participant: null,
        before: null,
        after: { code: def.code, target: def.target },
        reason: null,
      });
    }
    const ids = new Map<string, number>();
    for (const [i, account] of demoAccounts.entries()) {
      const id = await insertUser(trx, { ...account, passwordHash: hashes[i]! }, options.now);
      ids.set(account.username, id);
      await appendAuditEvent(trx, SYSTEM, options.now, {
        action: 'user.created',
        entityType: 'user',
        entityId: String(id),
        trialId: null,
        centre: account.centre,
        participant: null,
        before: null,
        after: {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          centre: account.centre,
          active: true,
        },
        reason: null,
      });
    }
    for (const m of demoMemberships(trials.map((def) => def.id))) {
      const userId = ids.get(m.username)!;
      const { role, centre, trialId } = m;
      const id = await insertMembership(trx, { userId, trialId, role, centre, createdBy: null }, options.now);
      await appendAuditEvent(trx, SYSTEM, options.now, {
        action: 'membership.set',
        entityType: 'membership',
        entityId: String(id),
        trialId,
        centre,
        participant: null,
        before: null,
        after: { userId, username: m.username, role, centre },
        reason: null,
      });
    }
    for (const def of trials) {
      const cohort = demoCohort(def, options.asOf, seed);
      await insertCohort(trx, def, cohort, options.now);
      await seedMonitoring(trx, def, seed, options.asOf);
      await seedDemoSafety(trx, def, options.asOf, options.now);
      await appendAuditEvent(trx, SYSTEM, options.now, {
        action: 'demo.seeded',
        entityType: 'trial',
        entityId: def.id,
        trialId: def.id,
        centre: null,
        participant: null,
        before: null,
        after: {
          synthetic: true,
          seed,
          asOf: options.asOf,
          participants: cohort.participants.length,
          screenings: cohort.screenings.length,
        },
        reason: null,
      });
    }
    // PUMP-III's committee history: two earlier cuts with their signed meeting records.
    const steering = ids.get('steering');
    if (trials.some((d) => d.id === 'pump-iii') && steering !== undefined)
      await seedDemoMeetings(
        trx,
        { id: 'pump-iii', synthetic: true },
        { id: steering, name: 'Demo steering committee' },
        [
          'Demo steering committee (chair)',
          'Demo principal investigator',
          'Independent statistician (synthetic)',
        ],
        options.asOf,
        options.now,
      );
    // PUMP-III's signed casebooks (one re-opened by a correction), a locked casebook and a locked visit.
    const [pi, admin, coordinator] = ['pi', 'admin', 'coord-ijsselland'].map((u) => ids.get(u));
    if (trials.some((d) => d.id === 'pump-iii') && pi && admin && coordinator)
      await seedDemoSignatures(
        trx,
        'pump-iii',
        {
          pi: { id: pi, name: 'Demo principal investigator' },
          admin: { id: admin, name: 'Demo data manager' },
          coordinator: { id: coordinator, name: 'Demo coordinator IJsselland', username: 'coord-ijsselland' },
        },
        options.asOf,
        options.now,
      );
    // Notifications and the mail outbox a running trial holds (after the SAEs and queries they are about).
    await seedDemoNotifications(trx, trials, ids, options.now);
  });
}
