// Migration 006 starts each centre's screening counter from the highest number already issued, so the
// first number taken after an upgrade continues the sequence.
import Database from 'better-sqlite3';
import { builtInTrial } from '@trialdesk/domain';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { nextScreeningNumber } from '../src/repositories/entry/screenings.js';
import type { Database as Schema } from '../src/schema.js';

describe('screening counters', () => {
  it('continue from the numbers issued before the upgrade, per trial and centre', async () => {
    const sqlite = new Database(':memory:');
    const before = migrations.filter((m) => m.id < 6);
    migrate(sqlite, before);
    const def = builtInTrial('pump-iii');
    sqlite
      .prepare(
        "INSERT INTO centres (code, name, city) VALUES ('EMC', 'Erasmus MC', 'Rotterdam'), ('AVL', 'AVL', 'Amsterdam')",
      )
      .run();
    sqlite
      .prepare(
        "INSERT INTO trials (id, code, definition, created_at, updated_at) VALUES ('pump-iii', 'PUMP-III', ?, 'x', 'x')",
      )
      .run(JSON.stringify(def));
    const add = sqlite.prepare(
      "INSERT INTO screenings (trial_id, centre, screening_number, screening_date, outcome, created_at) VALUES ('pump-iii', ?, ?, '2022-01-01', 'declined', 'x')",
    );
    // Numbers past 999 are longer: the highest must be found numerically, not as text.
    for (const n of ['SCR-EMC-007', 'SCR-EMC-999', 'SCR-EMC-1000', 'SCR-EMC-012', 'SCR-AVL-003'])
      add.run(n.slice(4, 7), n);
    migrate(sqlite);
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
    expect(await nextScreeningNumber(db, 'pump-iii', 'EMC')).toBe('SCR-EMC-1001');
    expect(await nextScreeningNumber(db, 'pump-iii', 'EMC')).toBe('SCR-EMC-1002');
    expect(await nextScreeningNumber(db, 'pump-iii', 'AVL')).toBe('SCR-AVL-004');
    await db.destroy();
  });
});
