// Queries that run on every request (the session, the membership, the data version, the trial row) are
// built and compiled by Kysely once per engine and then run with fresh parameters (issue 17: building and
// compiling the session query was a tenth of the server's busy time). The query is written with Kysely as
// usual; its parameters are markers while it is compiled, and each run puts the caller's values in their
// places. The SQL text is then the same on every run, so SQLite's statement cache (sqlite.ts) and
// PostgreSQL's plan for it are reused too.
import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import type { Database as Schema } from '../schema.js';
import { engineOf, type Engine } from './locks.js';

/** What a parameter may be: the values these lookups take (ids, codes, ISO times). */
export type StatementValue = string | number | null;

export interface CompiledStatement<P extends Record<string, StatementValue>, R> {
  /** Every row, on db or a transaction of it. */
  all(db: Kysely<Schema>, params: P): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Kysely<Schema>, params: P): Promise<R | undefined>;
}

interface Compiled {
  query: CompiledQuery;
  /** Which parameter position takes which named value. */
  slots: { index: number; name: string }[];
}

/** A value no caller passes: a NUL-delimited name. */
function marker(name: string): string {
  return `\u0000trialdesk-parameter:${name}\u0000`;
}

function compile(names: readonly string[], query: Compilable<unknown>): Compiled {
  const compiled = query.compile();
  const byMarker = new Map(names.map((name) => [marker(name), name]));
  const slots: Compiled['slots'] = [];
  compiled.parameters.forEach((value, index) => {
    const name = typeof value === 'string' ? byMarker.get(value) : undefined;
    if (name !== undefined) slots.push({ index, name });
  });
  // A parameter that was put into the SQL text itself, or never used, would run with the wrong value.
  for (const name of names) {
    if (compiled.sql.includes(marker(name)) || !slots.some((s) => s.name === name))
      throw new Error(`compiledStatement: parameter ${name} is not a parameter of ${compiled.sql}`);
  }
  return { query: compiled, slots };
}

/**
 * A query built once per engine by `build` (which receives markers for the named parameters) and run with
 * the given values. Only plain values: a list (`in`) changes the SQL text with its length.
 */
export function compiledStatement<P extends Record<string, StatementValue>, R>(
  names: readonly (keyof P & string)[],
  build: (db: Kysely<Schema>, params: P) => Compilable<R>,
): CompiledStatement<P, R> {
  const perEngine = new Map<Engine, Compiled>();
  const markers = Object.fromEntries(names.map((name) => [name, marker(name)])) as unknown as P;
  async function all(db: Kysely<Schema>, params: P): Promise<R[]> {
    const engine = engineOf(db);
    let compiled = perEngine.get(engine);
    if (!compiled) perEngine.set(engine, (compiled = compile(names, build(db, markers))));
    const parameters = [...compiled.query.parameters];
    for (const slot of compiled.slots) parameters[slot.index] = params[slot.name];
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  }
  return {
    all,
    first: async (db, params) => (await all(db, params))[0],
  };
}
