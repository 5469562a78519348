// An attacker's and a careless data manager's imports: files that are not what they claim (deeply nested
// XML, entities, garbage, a million empty rows) are refused with the import's own words and nothing
// written; a locked trial refuses an import as it refuses a form; a commit sent twice writes once. The audit
// chain verifies after each.
import { verifyAuditChain } from '@trialdesk/db';
import type { ImportMapping } from '@trialdesk/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from './audit-helpers.js';
import { signIn } from './auth-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { fixture, fixtureJson } from './import-helpers.js';

let h: Harness;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeEach(async () => {
  h = await createHarness();
  admin = await signIn(h, 'admin');
  await admin.trials.setTarget({ trialId: 'pump-iii', target: 50, reason: 'Room for the import' });
});
afterEach(async () => {
  expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  await h.close();
});

const odm = (text: string | Buffer, fileName = 'attack.odm.xml') => ({
  trialId: 'pump-iii',
  format: 'odm' as const,
  fileName,
  content: Buffer.from(text).toString('base64'),
});
const csv = (text: string | Buffer) => ({ ...odm(text, 'attack.csv'), format: 'csv' as const });
const castor = () => odm(fixture('castor-pump3.odm.xml'), 'castor-pump3.odm.xml');
const castorMapping = () => fixtureJson('castor-pump3.mapping.json') as ImportMapping;
const written = async () => [
  Number(
    (await h.row<{ n: number }>("SELECT COUNT(*) AS n FROM participants WHERE trial_id = 'pump-iii'"))?.n,
  ),
  await auditCount(h),
];

/** Every procedure that reads an ODM file: each must refuse it the same way (called one at a time). */
const odmProcedures = (input: ReturnType<typeof odm>) => [
  () => admin.imports.startingMapping(input),
  () => admin.imports.dryRun(input),
  () => admin.imports.commit(input),
];

describe('files that are not what they claim', () => {
  it('refuses XML nested deeper than any ODM file with a specific error, in English and Dutch', async () => {
    const before = await written();
    const depth = 5000;
    const deep = `<ODM>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</ODM>`;
    for (const call of odmProcedures(odm(deep))) {
      const e = await expectCode(call(), 'BAD_REQUEST');
      expect(e.message).toMatch(/nested more than \d+ levels deep/);
      expect(e.message).not.toMatch(/Maximum nested tags/);
    }
    expect(await written()).toEqual(before);
  });

  it('refuses entity declarations: external entities and billion laughs are never expanded', async () => {
    const before = await written();
    const xxe = '<?xml version="1.0"?><!DOCTYPE ODM [<!ENTITY x SYSTEM "file:///etc/passwd">]><ODM>&x;</ODM>';
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><ODM>&lol3;</ODM>';
    // An entity declared without a DOCTYPE of its own, lower case, is refused as well.
    const bare = '<ODM><!entity y "z"></ODM>';
    for (const text of [xxe, laughs, bare])
      for (const call of odmProcedures(odm(text))) {
        const e = await expectCode(call(), 'BAD_REQUEST');
        expect(e.message).toMatch(/DOCTYPE|entit/i);
        expect(e.message).not.toMatch(/root:|passwd|lol/);
      }
    expect(await written()).toEqual(before);
  });

  it('refuses 20 MB of garbage fast, as not UTF-8, whatever the format', async () => {
    const before = await written();
    const garbage = Buffer.alloc(20 * 1024 * 1024 - 1);
    // Bytes that are never UTF-8 anywhere (0xFF), after a header that looks like text.
    garbage.fill(0xff);
    garbage.write('subject,date\n', 0);
    const started = Date.now();
    for (const input of [odm(garbage), csv(garbage)]) {
      const e = await expectCode(admin.imports.dryRun(input), 'BAD_REQUEST');
      expect(e.message).toMatch(/UTF-8/);
    }
    // Not a timing assertion: a bound far above any loaded machine, against an endless parse.
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(await written()).toEqual(before);
  });

  it('refuses a CSV file of a million empty rows at its first row, with the line', async () => {
    const before = await written();
    const text = `study_id,date\n${',\n'.repeat(1_000_000)}`;
    for (const call of [() => admin.imports.dryRun(csv(text)), () => admin.imports.commit(csv(text))]) {
      const e = await expectCode(call(), 'BAD_REQUEST');
      expect(e.message).toMatch(/^Line 2 has no study ID/);
    }
    expect(await written()).toEqual(before);
  });
});

describe('a locked trial and a double commit', () => {
  it('refuses an import into a locked trial whole, naming the lock, and writes nothing', async () => {
    const { lockId } = await admin.locks.lock({ trialId: 'pump-iii', reason: 'Frozen for the interim' });
    const before = await written();
    const outcome = await admin.imports.commit({ ...castor(), mapping: castorMapping() }).then(
      (r) => JSON.stringify(r.report),
      (e: unknown) => String((e as Error).message),
    );
    expect(outcome).toMatch(/locked \(lock \d+/);
    expect(await written()).toEqual(before);
    await admin.locks.unlock({ lockId, reason: 'Interim done' });
    const done = await admin.imports.commit({ ...castor(), mapping: castorMapping() });
    expect(done.auditEntryId).not.toBeNull();
  });

  it('commits a file sent twice at once exactly once: the second writes nothing', async () => {
    const before = await written();
    const [a, b] = await Promise.all([
      admin.imports.commit({ ...castor(), mapping: castorMapping() }),
      admin.imports.commit({ ...castor(), mapping: castorMapping() }),
    ]);
    const [first, second] = a.auditEntryId !== null ? [a, b] : [b, a];
    expect(first.auditEntryId).not.toBeNull();
    expect(second.auditEntryId).toBeNull();
    expect(second.report.counts).toMatchObject({ create: 0, change: 0, refused: 0 });
    const created = first.report.rows.filter((r) => r.record === 'participant' && r.action === 'create');
    expect(created.length).toBeGreaterThan(0);
    expect((await written())[0]).toBe(before[0]! + created.length);
    const imported = await h.rows("SELECT seq FROM audit_log WHERE action = 'import.committed'");
    expect(imported).toHaveLength(1);
  });
});
