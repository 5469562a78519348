// The import procedures with a CSV file (`format: 'csv'`): the page's preview of the columns and first rows,
// the starting column mapping, a dry run that writes nothing, a commit audited as one csv import, a repeat
// that changes nothing, and a bad file refused in the import's words with nothing written.
import { verifyAuditChain } from '@trialdesk/db';
import type { CsvMapping } from '@trialdesk/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount, auditRows, parsed } from './audit-helpers.js';
import { signIn } from './auth-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { fixture, fixtureJson } from './import-helpers.js';

// A fresh demo for each test; the demo's PUMP-III is at its target, so the administrator raises it first.
let h: Harness;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeEach(async () => {
  h = await createHarness();
  admin = await signIn(h, 'admin');
  await admin.trials.setTarget({ trialId: 'pump-iii', target: 50, reason: 'Room for the import' });
});
afterEach(() => h.close());

const spreadsheet = (content = fixture('spreadsheet-pump3.csv')) => ({
  trialId: 'pump-iii',
  format: 'csv' as const,
  fileName: 'spreadsheet-pump3.csv',
  content: content.toString('base64'),
});
const csvMapping = () => fixtureJson('spreadsheet-pump3.mapping.json') as CsvMapping;
const participantCount = async () =>
  Number(
    (await h.row<{ n: number }>("SELECT COUNT(*) AS n FROM participants WHERE trial_id = 'pump-iii'"))?.n,
  );

describe('imports procedures with a CSV file', () => {
  it('previews the columns and first rows, and starts a column mapping', async () => {
    const { format: _f, ...file } = spreadsheet();
    const preview = await admin.imports.csvPreview(file);
    expect(preview.delimiter).toBe(';');
    expect(preview.headers.slice(0, 3)).toEqual(['Participant Id', 'Site', 'Inclusion date']);
    expect(preview.rows[0]?.slice(0, 3)).toEqual(['PUMP-001', 'Erasmus MC', '14-03-2022']);
    expect(preview.rowCount).toBeGreaterThan(preview.rows.length - 1);

    const { mapping } = await admin.imports.startingMapping(spreadsheet());
    if (mapping.format !== 'trialdesk-csv-mapping/1') throw new Error(`an ${mapping.format} mapping`);
    expect(mapping).toMatchObject({ subjectColumn: 'Participant Id', siteColumn: 'Site' });
    expect(mapping.dateFormat).toBe('DD-MM-YYYY');
    expect(mapping.columns['Inclusion date']?.target).toBe('participant.inclusionDate');
  });

  it('the starting mapping of the sample, unedited, reads every value and its dry run refuses nothing', async () => {
    const { mapping, problems } = await admin.imports.startingMapping(spreadsheet());
    expect(problems).toEqual([]);
    if (mapping.format !== 'trialdesk-csv-mapping/1') throw new Error(`an ${mapping.format} mapping`);
    const before = [await participantCount(), await auditCount(h)];
    const { report } = await admin.imports.dryRun({ ...spreadsheet(), mapping });
    expect(report.rows.filter((r) => r.action === 'refused')).toEqual([]);
    expect(report.counts).toEqual({ create: 16, change: 0, unchanged: 0, refused: 0 });
    // Without a mapping the server uses the same starting mapping.
    const bare = await admin.imports.dryRun(spreadsheet());
    expect(bare.report.counts).toEqual(report.counts);
    expect([await participantCount(), await auditCount(h)]).toEqual(before);
  });

  it('dry run: the report per record and field, and nothing written', async () => {
    const before = [await participantCount(), await auditCount(h)];
    const { report, csv } = await admin.imports.dryRun({ ...spreadsheet(), mapping: csvMapping() });
    expect(report.rows.filter((r) => r.action === 'refused')).toEqual([]);
    expect(report).toMatchObject({ format: 'csv', subjects: 3, dryRun: true, committed: false });
    expect(report.counts).toEqual({ create: 16, change: 0, unchanged: 0, refused: 0 });
    expect(csv).toContain(',participant.inclusionDate,');
    expect([await participantCount(), await auditCount(h)]).toEqual(before);
  });

  it('commit writes the participants, audited as one csv import, and a repeat changes nothing', async () => {
    const before = await participantCount();
    const done = await admin.imports.commit({ ...spreadsheet(), mapping: csvMapping() });
    expect(done.report.committed).toBe(true);
    expect(await participantCount()).toBe(before + 3);
    const [entry] = await auditRows(h, 'import.committed');
    expect(done.auditEntryId).toBe(Number(entry?.seq));
    expect(parsed(entry?.after ?? null)).toMatchObject({
      format: 'csv',
      filename: 'spreadsheet-pump3.csv',
      sha256: done.report.file.sha256,
      subjects: 3,
      mapping: csvMapping(),
    });
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);

    const audits = await auditCount(h);
    const again = await admin.imports.commit({ ...spreadsheet(), mapping: csvMapping() });
    expect(again).toMatchObject({ auditEntryId: null, report: { committed: false } });
    expect(again.report.counts).toMatchObject({ create: 0, change: 0, refused: 0, unchanged: 16 });
    expect([await participantCount(), await auditCount(h)]).toEqual([before + 3, audits]);
  });

  it('refuses a bad CSV file or mapping in the words of the import, and writes nothing', async () => {
    const before = [await participantCount(), await auditCount(h)];
    const renamed = fixture('spreadsheet-pump3.csv')
      .toString('utf8')
      .replace('Inclusion date', 'Date of inclusion');
    const e1 = await expectCode(
      admin.imports.commit({ ...spreadsheet(Buffer.from(renamed)), mapping: csvMapping() }),
      'BAD_REQUEST',
    );
    expect(e1.message).toMatch(/“Inclusion date”/);
    const latin1 = Buffer.from('Participant Id;Site\nPUMP-001;Zwolle \xe9\n', 'latin1');
    const e2 = await expectCode(admin.imports.dryRun(spreadsheet(latin1)), 'BAD_REQUEST');
    expect(e2.message).toMatch(/UTF-8/);
    // An ODM item mapping with a CSV file is refused by the schema, naming the field.
    const odmMapping = fixtureJson('castor-pump3.mapping.json');
    await expectCode(
      admin.imports.dryRun({ ...spreadsheet(), mapping: odmMapping as CsvMapping }),
      'BAD_REQUEST',
    );
    const e3 = await expectCode(
      admin.imports.commit({ ...spreadsheet(), mapping: { ...csvMapping(), trialId: 'artery-2' } }),
      'BAD_REQUEST',
    );
    expect(e3.message).toMatch(/artery-2/);
    expect([await participantCount(), await auditCount(h)]).toEqual(before);
  });

  it('refuses every role but the data manager', async () => {
    const { format: _f, ...file } = spreadsheet();
    for (const username of ['coord-emc', 'pi', 'monitor', 'steering']) {
      const caller = await signIn(h, username);
      await expectCode(caller.imports.csvPreview(file), 'FORBIDDEN');
      await expectCode(caller.imports.startingMapping(spreadsheet()), 'FORBIDDEN');
      await expectCode(caller.imports.commit({ ...spreadsheet(), mapping: csvMapping() }), 'FORBIDDEN');
    }
  });
});
