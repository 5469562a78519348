// The import procedures the web page calls: the data manager (administrator) gets a starting mapping, a dry
// run that writes nothing and a commit audited as one import; every other role is refused; a file the import
// cannot read, or that does not arrive whole, is refused in the user's words and changes nothing.
import { verifyAuditChain } from '@trialdesk/db';
import { IMPORT_FILE_MAX_BYTES, type ImportMapping } from '@trialdesk/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../src/errors.js';
import { MAX_IMPORT_BYTES } from '../src/import/index.js';
import { auditCount, auditRows, parsed } from './audit-helpers.js';
import { signIn } from './auth-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { fixture, fixtureJson } from './import-helpers.js';

// A fresh demo for each test (an import a test commits must not decide another's report). The demo's
// PUMP-III has reached its target of 45: the administrator raises it, as before a real import.
let h: Harness;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeEach(async () => {
  h = await createHarness();
  admin = await signIn(h, 'admin');
  await admin.trials.setTarget({ trialId: 'pump-iii', target: 50, reason: 'Room for the import' });
});
afterEach(() => h.close());

const castor = () => ({
  trialId: 'pump-iii',
  format: 'odm' as const,
  fileName: 'castor-pump3.odm.xml',
  content: fixture('castor-pump3.odm.xml').toString('base64'),
});
const castorMapping = () => fixtureJson('castor-pump3.mapping.json') as ImportMapping;
const participantCount = async () =>
  Number(
    (await h.row<{ n: number }>("SELECT COUNT(*) AS n FROM participants WHERE trial_id = 'pump-iii'"))?.n,
  );

describe('imports procedures', () => {
  it('gives the starting mapping generated from the file', async () => {
    const { mapping } = await admin.imports.startingMapping(castor());
    expect(mapping.trialId).toBe('pump-iii');
    if (mapping.format !== 'trialdesk-import-mapping/1') throw new Error(`an ${mapping.format} mapping`);
    expect(Object.keys(mapping.items).length).toBeGreaterThan(20);
    expect(Object.values(mapping.items).some((i) => i.target === 'participant.inclusionDate')).toBe(true);
  });

  it('dry run: the report per record and field, as CSV too, and nothing written', async () => {
    const before = [await participantCount(), await auditCount(h)];
    const { report, csv } = await admin.imports.dryRun({ ...castor(), mapping: castorMapping() });
    expect(report.rows.filter((r) => r.action === 'refused')).toEqual([]);
    expect(report).toMatchObject({ subjects: 3, dryRun: true, committed: false, auditSeq: null });
    expect(report.counts.create).toBeGreaterThanOrEqual(6);
    expect(report.rows.find((r) => r.record === 'participant')?.fields.length).toBeGreaterThan(5);
    expect(csv.split('\n')[0]).toBe(
      'subject,study_id,record,key,where,record_action,field,source,value,saved_value,field_action,message',
    );
    expect(csv).toContain(',participant.inclusionDate,');
    expect([await participantCount(), await auditCount(h)]).toEqual(before);
  });

  it('commit writes the participants, audited as one import, and a repeat changes nothing', async () => {
    const before = await participantCount();
    const done = await admin.imports.commit({ ...castor(), mapping: castorMapping() });
    expect(done.report.committed).toBe(true);
    expect(await participantCount()).toBe(before + 3);
    const [entry] = await auditRows(h, 'import.committed');
    expect(done.auditEntryId).toBe(Number(entry?.seq));
    expect(parsed(entry?.after ?? null)).toMatchObject({
      filename: 'castor-pump3.odm.xml',
      sha256: done.report.file.sha256,
      subjects: 3,
    });
    expect(entry?.username).toBe('admin');
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
    const list = await admin.participants.list({ trialId: 'pump-iii', pageSize: 100 });
    expect(list.total).toBe(before + 3);

    const again = await admin.imports.commit({ ...castor(), mapping: castorMapping() });
    expect(again).toMatchObject({ auditEntryId: null, report: { committed: false } });
    expect(again.report.counts).toMatchObject({ create: 0, change: 0, refused: 0 });
    expect(await participantCount()).toBe(before + 3);
  });

  it('refuses every role but the data manager, as the other procedures do', async () => {
    for (const username of ['coord-emc', 'pi', 'monitor', 'steering']) {
      const caller = await signIn(h, username);
      await expectCode(caller.imports.dryRun({ ...castor(), mapping: castorMapping() }), 'FORBIDDEN');
      await expectCode(caller.imports.commit({ ...castor(), mapping: castorMapping() }), 'FORBIDDEN');
      await expectCode(caller.imports.startingMapping(castor()), 'FORBIDDEN');
    }
  });

  it('refuses a file it cannot read, in the words of the import, and writes nothing', async () => {
    const before = [await participantCount(), await auditCount(h)];
    const notXml = { ...castor(), content: Buffer.from('subject,date\n1,2022-01-01\n').toString('base64') };
    const e1 = await expectCode(admin.imports.dryRun(notXml), 'BAD_REQUEST');
    expect(e1.message).toMatch(/not well-formed XML/);
    const e2 = await expectCode(admin.imports.commit({ ...castor(), content: 'not base64!' }), 'BAD_REQUEST');
    expect((e2 as AppError).fields?.content).toEqual([
      'The file did not arrive whole (its content is not base64); choose the file again.',
    ]);
    const other = { ...castorMapping(), trialId: 'artery-2' };
    const e3 = await expectCode(admin.imports.commit({ ...castor(), mapping: other }), 'BAD_REQUEST');
    expect(e3.message).toMatch(/artery-2/);
    expect([await participantCount(), await auditCount(h)]).toEqual(before);
  });

  it('bounds the file at the import limit, with what to do', async () => {
    expect(IMPORT_FILE_MAX_BYTES).toBe(MAX_IMPORT_BYTES);
    const huge = { ...castor(), content: 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) };
    const e = await expectCode(admin.imports.dryRun(huge), 'BAD_REQUEST');
    expect((e as AppError).fields?.content?.[0]).toMatch(/^The file is larger than 20 MB/);
  });
});
