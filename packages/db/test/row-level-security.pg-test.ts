// PostgreSQL only: centre scope inside the database (migration 016). Every table with a centre or
// participant column (found by query, so a table added later without its policy fails here) has row-level
// security enabled and forced, with a policy; the application's connections act as the non-owner role; and
// the scope set per connection limits what an unscoped query reads and what a write may store.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, queryRows } from '../src/testing/index.js';
import type { OpenDatabase } from '../src/database.js';
import {
  ALL_CENTRES,
  APP_ROLE,
  NO_CENTRE,
  runInCentreScope,
  withAllCentres,
} from '../src/engine/centre-scope.js';
import { DEFAULT_TEST_SEED } from '../src/testing/index.js';

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
});
afterAll(async () => {
  await open.close();
});

/** Participant-level tables as the issue defines them: a centre or participant column, or a child of one. */
const participantLevel = `
  SELECT DISTINCT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
         (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE c.relkind IN ('r', 'p')
    AND (a.attname IN ('centre', 'participant_id', 'participant', 'study_id') OR c.relname IN ('query_steps', 'sae_follow_ups'))
  ORDER BY 1`;

const centresOf = (rows: { centre: string }[]) => [...new Set(rows.map((r) => r.centre))].sort();

describe('row-level security on PostgreSQL', () => {
  it('every table with a centre or participant column has it enabled, forced and a policy', async () => {
    const tables = await queryRows<{ name: string; enabled: boolean; forced: boolean; policies: number }>(
      open.db,
      participantLevel,
    );
    // The ones the migration must have found: a sanity floor, not the list (the query is the list).
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'participants',
        'audit_log',
        'queries',
        'query_steps',
        'sdv_marks',
        'serious_adverse_events',
        'sae_follow_ups',
        'protocol_deviations',
      ]),
    );
    const unprotected = tables.filter((t) => !t.enabled || !t.forced || t.policies < 1).map((t) => t.name);
    expect(unprotected).toEqual([]);
  });

  it('the application acts as the non-owner role, which owns nothing and bypasses nothing', async () => {
    const [who] = await queryRows<{ role: string; owner: string; bypass: boolean; superuser: boolean }>(
      open.db,
      `SELECT current_user AS role,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'participants') AS owner,
              r.rolbypassrls AS bypass, r.rolsuper AS superuser
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(who).toMatchObject({ role: APP_ROLE, bypass: false, superuser: false });
    expect(who?.owner).not.toBe(APP_ROLE);
  });

  it('an unscoped query reads only the scope’s centre, and nothing without a scope', async () => {
    const all = await open.db.selectFrom('participants').select('centre').execute();
    expect(centresOf(all).length).toBeGreaterThan(1);
    const [one] = centresOf(all);
    const scoped = await runInCentreScope(one!, () =>
      open.db.selectFrom('participants').select('centre').execute(),
    );
    expect(centresOf(scoped)).toEqual([one]);
    expect(scoped.length).toBe(all.filter((r) => r.centre === one).length);
    const none = await runInCentreScope(NO_CENTRE, () =>
      open.db.selectFrom('participants').select('centre').execute(),
    );
    expect(none).toEqual([]);
    // A connection taken again outside the scope is all centres again (the scope is set on taking it).
    expect((await open.db.selectFrom('participants').select('centre').execute()).length).toBe(all.length);
  });

  it('a write in one centre’s scope cannot store or change another centre’s row', async () => {
    const rows = await open.db.selectFrom('participants').select(['id', 'centre']).execute();
    const [one, other] = centresOf(rows);
    const theirs = rows.find((r) => r.centre === other)!;
    const changed = await runInCentreScope(one!, () =>
      open.db
        .updateTable('participants')
        .set({ synthetic: 1 })
        .where('id', '=', theirs.id)
        .executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    await expect(
      runInCentreScope(one!, () =>
        open.db
          .insertInto('study_id_counters')
          .values({ trial_id: 'nowhere', centre: other!, last_seq: 1 })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('withAllCentres inside a scoped transaction reads across centres, then the scope is back', async () => {
    const total = Number(
      (
        await open.db
          .selectFrom('participants')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const [one] = centresOf(await open.db.selectFrom('participants').select('centre').execute());
    const seen = await runInCentreScope(one!, () =>
      open.db.transaction().execute(async (trx) => {
        const count = async () =>
          Number(
            (
              await trx
                .selectFrom('participants')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const before = await count();
        const across = await withAllCentres(trx, () => count());
        const after = await count();
        const setting = await sql<{ s: string }>`SELECT current_setting('trialdesk.centre') AS s`.execute(
          trx,
        );
        return { before, across, after, setting: setting.rows[0]?.s };
      }),
    );
    expect(seen.across).toBe(total);
    expect(seen.before).toBeLessThan(total);
    expect(seen.after).toBe(seen.before);
    expect(seen.setting).toBe(one);
    expect(ALL_CENTRES).toBe('all');
  });
});
