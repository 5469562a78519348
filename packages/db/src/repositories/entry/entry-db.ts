// The tables as data entry sees them: migration 002 adds participants.pump_not_placed_reason, which the
// shared schema.ts does not list; entry repositories use this view of the database instead.
import type { Kysely } from 'kysely';
import type { Db } from '../../database.js';
import type { Database, ParticipantsTable } from '../../schema.js';

export interface EntryParticipantsTable extends ParticipantsTable {
  pump_not_placed_reason: string | null;
}

export type EntryDatabase = Omit<Database, 'participants'> & { participants: EntryParticipantsTable };
export type EntryDb = Kysely<EntryDatabase>;

export function entryDb(db: Db): EntryDb {
  return db as unknown as EntryDb;
}
