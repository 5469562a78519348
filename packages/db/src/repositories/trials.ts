import { deepFreeze, parseTrialDefinition, type TrialDefinition } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { compiledStatement } from '../engine/compiled-statement.js';

export interface TrialRecord {
  id: string;
  code: string;
  synthetic: boolean;
  definition: TrialDefinition;
}

/**
 * Parsed definitions by their stored JSON text: a definition is parsed and validated once, not on every
 * request. The objects are frozen because requests share them; a change stores a new definition.
 */
const parsed = new Map<string, TrialDefinition>();
const PARSED_MAX = 64;

function parseStored(text: string): TrialDefinition {
  let def = parsed.get(text);
  if (!def) {
    def = deepFreeze(parseTrialDefinition(JSON.parse(text)));
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, def);
  }
  return def;
}

function toRecord(row: { id: string; code: string; synthetic: number; definition: string }): TrialRecord {
  return {
    id: row.id,
    code: row.code,
    synthetic: row.synthetic === 1,
    definition: parseStored(row.definition),
  };
}

/** Trials in the order they started recruiting (then by code), so the oldest running trial comes first. */
export async function listTrials(db: Db): Promise<TrialRecord[]> {
  const rows = await db.selectFrom('trials').select(['id', 'code', 'synthetic', 'definition']).execute();
  return rows
    .map(toRecord)
    .sort(
      (a, b) =>
        a.definition.recruitment.plannedStart.localeCompare(b.definition.recruitment.plannedStart) ||
        a.code.localeCompare(b.code),
    );
}

/** Read by most procedures: compiled once (engine/compiled-statement.ts). */
const trialById = compiledStatement(['id'], (db, p: { id: string }) =>
  db.selectFrom('trials').select(['id', 'code', 'synthetic', 'definition']).where('id', '=', p.id),
);

export async function findTrial(db: Db, id: string): Promise<TrialRecord | undefined> {
  const row = await trialById.first(db, { id });
  return row ? toRecord(row) : undefined;
}

/** Registers a trial and the centres it names (centres are shared between trials). */
export async function insertTrial(
  db: Db,
  def: TrialDefinition,
  synthetic: boolean,
  now: string,
): Promise<void> {
  for (const c of def.centres) {
    await db
      .insertInto('centres')
      .values({ code: c.code, name: c.name, city: c.city })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  await db
    .insertInto('trials')
    .values({
      id: def.id,
      code: def.code,
      definition: JSON.stringify(def),
      synthetic: synthetic ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateTrialDefinition(db: Db, def: TrialDefinition, now: string): Promise<void> {
  await db
    .updateTable('trials')
    .set({ definition: JSON.stringify(def), updated_at: now })
    .where('id', '=', def.id)
    .execute();
}

export async function listCentres(db: Db) {
  return db.selectFrom('centres').selectAll().orderBy('code').execute();
}
