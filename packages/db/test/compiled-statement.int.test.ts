// A statement compiled once must run with each call's own values, on the engine of the database it is
// given, inside a transaction too, and refuse to be built in a way that would bind the wrong value.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { compiledStatement } from '../src/engine/compiled-statement.js';
import { writeTransaction } from '../src/repositories/entry/write-transaction.js';
import { openTestDatabase } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const centreByCode = compiledStatement(['code'], (db, p: { code: string }) =>
  db.selectFrom('centres').select(['code', 'name']).where('code', '=', p.code),
);

const renameCentre = compiledStatement(['code', 'name'], (db, p: { code: string; name: string }) =>
  db.updateTable('centres').set({ name: p.name }).where('code', '=', p.code),
);

async function insertCentres(db: OpenDatabase['db']) {
  await db
    .insertInto('centres')
    .values([
      { code: 'AAA', name: 'Centre A', city: 'Aa' },
      { code: 'BBB', name: 'Centre B', city: 'Bb' },
    ])
    .execute();
}

describe('compiledStatement', () => {
  it('runs with each call’s own values, one after another', async () => {
    open = await openTestDatabase({ seed: false });
    await insertCentres(open.db);
    expect(await centreByCode.first(open.db, { code: 'AAA' })).toEqual({ code: 'AAA', name: 'Centre A' });
    expect(await centreByCode.first(open.db, { code: 'BBB' })).toEqual({ code: 'BBB', name: 'Centre B' });
    expect(await centreByCode.first(open.db, { code: 'CCC' })).toBeUndefined();
    expect(await centreByCode.all(open.db, { code: 'AAA' })).toHaveLength(1);
  });

  it('binds several parameters to their own places, and writes inside a transaction that rolls back', async () => {
    open = await openTestDatabase({ seed: false });
    await insertCentres(open.db);
    await renameCentre.all(open.db, { code: 'BBB', name: 'Renamed B' });
    expect(await centreByCode.first(open.db, { code: 'BBB' })).toEqual({ code: 'BBB', name: 'Renamed B' });
    expect(await centreByCode.first(open.db, { code: 'AAA' })).toEqual({ code: 'AAA', name: 'Centre A' });
    const db = open.db;
    await expect(
      writeTransaction(db, async (trx) => {
        await renameCentre.all(trx, { code: 'AAA', name: 'Inside' });
        expect(await centreByCode.first(trx, { code: 'AAA' })).toEqual({ code: 'AAA', name: 'Inside' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await centreByCode.first(db, { code: 'AAA' })).toEqual({ code: 'AAA', name: 'Centre A' });
  });

  it('refuses a named parameter the query does not use as a parameter', async () => {
    open = await openTestDatabase({ seed: false });
    const unused = compiledStatement(['code', 'other'], (db, p: { code: string; other: string }) =>
      db.selectFrom('centres').select('code').where('code', '=', p.code),
    );
    await expect(unused.first(open.db, { code: 'AAA', other: 'x' })).rejects.toThrow(/other/);
  });
});
