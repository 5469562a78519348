// Migration 020 starts each trial's counter of included participants from the participants already there
// (voided ones not counted), so the first inclusion after an upgrade is checked against the right number.
import Database from 'better-sqlite3';
import { builtInTrial } from '@trialdesk/domain';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { countIncluded } from '../src/repositories/participants/participants.js';
import type { Database as Schema } from '../src/schema.js';

describe('the counter of included participants after the upgrade', () => {
  it('starts from the live participants of each trial', async () => {
    const sqlite = new Database(':memory:');
    migrate(
      sqlite,
      migrations.filter((m) => m.id < 20),
    );
    sqlite.prepare("INSERT INTO centres (code, name, city) VALUES ('EMC', 'Erasmus MC', 'Rotterdam')").run();
    const trial = sqlite.prepare(
      "INSERT INTO trials (id, code, definition, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')",
    );
    for (const id of ['pump-iii', 'artery-2', 'empty-trial'])
      trial.run(id, id.toUpperCase(), JSON.stringify(builtInTrial(id === 'empty-trial' ? 'pump-iii' : id)));
    const add = sqlite.prepare(
      `INSERT INTO participants (trial_id, centre, study_id, seq, inclusion_date, consent_date, age_at_inclusion,
         sex, eligibility, synthetic, created_at, voided_at)
       VALUES (?, 'EMC', ?, ?, '2026-01-01', '2026-01-01', 60, 'male', '{}', 1, 'x', ?)`,
    );
    for (let i = 1; i <= 7; i += 1) add.run('pump-iii', `P-${i}`, i, i % 3 === 0 ? 'voided' : null);
    for (let i = 1; i <= 2; i += 1) add.run('artery-2', `A-${i}`, i, null);
    migrate(sqlite);
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
    expect(await countIncluded(db, 'pump-iii')).toBe(5);
    expect(await countIncluded(db, 'artery-2')).toBe(2);
    expect(await countIncluded(db, 'empty-trial')).toBe(0);
    // The triggers take over from there.
    add.run('empty-trial', 'E-1', 1, null);
    expect(await countIncluded(db, 'empty-trial')).toBe(1);
    await db.destroy();
  });
});
