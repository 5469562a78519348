// ODM import of the three EDC shapes: a dry run that writes nothing, a commit through the entry use cases
// that is audited as one import, and a repeat that changes nothing.
import { verifyAuditChain } from '@trialdesk/db';
import { builtInTrials } from '@trialdesk/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateMapping } from '../src/import/generate-mapping.js';
import { readOdm } from '../src/import/odm-read.js';
import { runOdmImport } from '../src/import/run-import.js';
import { rowCounts } from './entry-helpers.js';
import { emptyInstance, fixture, fixtureJson, type EmptyInstance } from './import-helpers.js';

const pumpDefinition = () => builtInTrials.find((t) => t.id === 'pump-iii') ?? builtInTrials[0]!;

let inst: EmptyInstance;
beforeEach(async () => {
  inst = await emptyInstance();
});
afterEach(async () => {
  await inst.close();
});

const samples = [
  ['castor-pump3.odm.xml', 'castor-pump3.mapping.json'],
  ['redcap-pump3.odm.xml', 'redcap-pump3.mapping.json'],
  ['openclinica-pump3.odm.xml', 'openclinica-pump3.mapping.json'],
] as const;

describe.each(samples)('%s', (file, mappingFile) => {
  const run = (commit: boolean) =>
    runOdmImport(inst.deps(), {
      trialId: 'pump-iii',
      fileName: file,
      bytes: fixture(file),
      mapping: fixtureJson(mappingFile),
      commit,
    });

  it('dry run reports every record to create and writes nothing', async () => {
    const before = await rowCounts(inst.db);
    const report = await run(false);
    const refused = report.rows.filter((r) => r.action === 'refused');
    expect(refused, JSON.stringify(refused, null, 1)).toEqual([]);
    expect(report.subjects).toBe(3);
    expect(report.counts.create).toBeGreaterThanOrEqual(3 + 3);
    expect(report.committed).toBe(false);
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('commit writes all, audited as one import, and a repeat changes nothing', async () => {
    const report = await run(true);
    expect(report.committed).toBe(true);
    const participants = await inst.db
      .selectFrom('participants')
      .select(['study_id', 'source_key'])
      .execute();
    expect(participants).toHaveLength(3);
    const audit = await inst.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'import.committed')
      .execute();
    expect(audit).toHaveLength(1);
    expect((JSON.parse(String(audit[0]?.after)) as { sha256: string }).sha256).toBe(report.file.sha256);
    expect((await verifyAuditChain(inst.db)).ok).toBe(true);
    const counts = await rowCounts(inst.db);
    const again = await run(true);
    expect(again.counts.create + again.counts.change + again.counts.refused).toBe(0);
    expect(again.committed).toBe(false);
    expect(await rowCounts(inst.db)).toEqual(counts);
  });
});

describe('refusals', () => {
  const castor = () => fixture('castor-pump3.odm.xml').toString('utf8');
  const run = (bytes: Uint8Array, extra: { trialId?: string; mapping?: unknown; maxBytes?: number } = {}) =>
    runOdmImport(inst.deps(), {
      trialId: extra.trialId ?? 'pump-iii',
      fileName: 'upload.xml',
      bytes,
      mapping: 'mapping' in extra ? extra.mapping : fixtureJson('castor-pump3.mapping.json'),
      commit: true,
      maxBytes: extra.maxBytes,
    });

  it('an ineligible participant is refused with the failing criterion, and nothing is written', async () => {
    const before = await rowCounts(inst.db);
    const mapping = fixtureJson('castor-pump3.mapping.json') as {
      items: Record<string, { target: string | null }>;
    };
    const ecog = Object.entries(mapping.items).find(([, m]) => m.target === 'eligibility.ecog')?.[0] ?? '';
    // The first subject's ECOG 0 becomes 3 (eligible is 0 or 1).
    const xml = castor().replace(
      `<ItemData ItemOID="${ecog}" Value="0"/>`,
      `<ItemData ItemOID="${ecog}" Value="3"/>`,
    );
    const report = await run(Buffer.from(xml));
    expect(report.committed).toBe(false);
    const refused = report.rows.filter((r) => r.action === 'refused');
    expect(refused.map((r) => `${r.subject} ${r.record}`)).toContain('110001 participant');
    expect(JSON.stringify(refused[0])).toMatch(/ECOG/);
    // The other subjects would have been created: the report says so, but all or nothing holds.
    expect(report.counts.create).toBeGreaterThan(0);
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('a value outside its range and an unknown code are refused per field', async () => {
    const mapping = fixtureJson('castor-pump3.mapping.json') as {
      items: Record<string, { target: string | null }>;
    };
    const dose = Object.entries(mapping.items).find(([, m]) => m.target === 'cycle.doseMg')?.[0] ?? '';
    const sex = Object.entries(mapping.items).find(([, m]) => m.target === 'participant.sex')?.[0] ?? '';
    const xml = castor()
      .replace(`<ItemData ItemOID="${dose}" Value="21.6"/>`, `<ItemData ItemOID="${dose}" Value="2160"/>`)
      .replace(`<ItemData ItemOID="${sex}" Value="0"/>`, `<ItemData ItemOID="${sex}" Value="9"/>`);
    const report = await run(Buffer.from(xml));
    const fields = report.rows.flatMap((r) => r.fields.filter((f) => f.status === 'refused'));
    expect(fields.find((f) => f.field === 'doseMg')?.value).toBe('2160');
    expect(fields.find((f) => f.field === 'participant.sex')?.message).toMatch(/Unknown code “9”/);
    expect(report.committed).toBe(false);
  });

  it('reads XML entities and character references in values as the characters they stand for', async () => {
    const mapping = fixtureJson('castor-pump3.mapping.json') as {
      items: Record<string, { target: string | null }>;
    };
    const term =
      Object.entries(mapping.items).find(([, m]) => m.target === 'event.complicationTerm')?.[0] ?? '';
    const xml = castor().replace(
      new RegExp(`<ItemData ItemOID="${term}" Value="[^"]*"/>`),
      `<ItemData ItemOID="${term}" Value="Bleeding &gt; 500 mL &amp; re-op &#233;&#x2265;"/>`,
    );
    expect(xml).toContain('&amp; re-op');
    const report = await run(Buffer.from(xml));
    expect(report.committed).toBe(true);
    const terms = await inst.db
      .selectFrom('events')
      .select('complication_term')
      .where('complication_term', 'is not', null)
      .execute();
    expect(terms.map((t) => t.complication_term)).toContain('Bleeding > 500 mL & re-op é≥');
  });

  it.each([
    ['not XML', Buffer.from('Participant Id;Site\n110001;EMC\n'), /not well-formed XML/],
    ['not ODM', Buffer.from('<?xml version="1.0"?><html><body/></html>'), /not CDISC ODM/],
    ['UTF-16', Buffer.from('\ufeff<ODM/>', 'utf16le'), /UTF-16/],
    [
      'Latin-1 bytes',
      Buffer.from([0x3c, 0x4f, 0x44, 0x4d, 0x3e, 0xe9, 0x3c, 0x2f, 0x4f, 0x44, 0x4d, 0x3e]),
      /not valid UTF-8/,
    ],
    ['declared Latin-1', Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><ODM/>'), /ISO-8859-1/],
    [
      'entity expansion',
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE ODM [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><ODM>&b;</ODM>',
      ),
      /DOCTYPE/,
    ],
    ['empty', Buffer.alloc(0), /empty/],
  ])('a bad file (%s) gets a clear error and changes nothing', async (_name, bytes, message) => {
    const before = await rowCounts(inst.db);
    await expect(run(bytes)).rejects.toThrow(message);
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('a huge file is refused before it is read', async () => {
    await expect(run(fixture('castor-pump3.odm.xml'), { maxBytes: 1024 })).rejects.toThrow(
      /at most 0\.0 MB|MB; an import takes at most/,
    );
  });

  it('an unknown trial, a mapping of another trial, and a role without data:import are refused', async () => {
    await expect(run(fixture('castor-pump3.odm.xml'), { trialId: 'no-such-trial' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const other = { ...(fixtureJson('castor-pump3.mapping.json') as object), trialId: 'artery-2' };
    await expect(run(fixture('castor-pump3.odm.xml'), { mapping: other })).rejects.toThrow(
      /made for trial artery-2/,
    );
    await expect(run(fixture('castor-pump3.odm.xml'), { mapping: { format: 'x' } })).rejects.toThrow(
      /not a valid Trialdesk mapping/,
    );
    for (const role of ['pi', 'coordinator', 'monitor', 'steering'] as const)
      await expect(
        runOdmImport(inst.deps(role, role === 'coordinator' ? 'EMC' : null), {
          trialId: 'pump-iii',
          fileName: 'x.xml',
          bytes: fixture('castor-pump3.odm.xml'),
          commit: true,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('starting mapping', () => {
  it('is generated from the ODM metadata: every item listed, recognisable ones mapped, codes translated', () => {
    const odm = readOdm('en', fixture('redcap-pump3.odm.xml').toString('utf8'));
    const m = generateMapping(pumpDefinition(), odm);
    expect(Object.keys(m.items)).toHaveLength(odm.items.size);
    expect(m.items.sex).toMatchObject({ target: 'participant.sex', codes: { '1': 'female', '2': 'male' } });
    expect(m.items.ecog?.target).toBe('eligibility.ecog');
    expect(m.items.bilirubin_uln?.target).toBe('eligibility.bilirubin.uln');
    expect(m.items.cea?.target).toBe('assessment.cea');
    expect(m.items.enrolment_complete?.target).toBeNull();
    expect(m.sites).toEqual({ erasmus_mc: 'EMC', antoni_van_leeuwenhoek: 'AVL' });
    expect(m.studyEvents['Event.month_3_arm_1']).toEqual({ 'assessment.month': 3 });
  });
});

describe('a second import of changed data', () => {
  it('corrects what differs through the correction use case, with the import as the reason', async () => {
    const file = fixture('redcap-pump3.odm.xml').toString('utf8');
    const mapping = fixtureJson('redcap-pump3.mapping.json');
    const run = (xml: string) =>
      runOdmImport(inst.deps(), {
        trialId: 'pump-iii',
        fileName: 'redcap.xml',
        bytes: Buffer.from(xml),
        mapping,
        commit: true,
      });
    expect((await run(file)).committed).toBe(true);
    const changed = file.replace(
      '<ItemData ItemOID="cea" Value="2.4"/>',
      '<ItemData ItemOID="cea" Value="2.6"/>',
    );
    const report = await run(changed);
    expect(report.counts).toMatchObject({ create: 0, change: 1, refused: 0 });
    const row = report.rows.find((r) => r.action === 'change');
    expect(row?.fields.find((f) => f.field === 'cea')).toMatchObject({
      before: '2.4',
      value: '2.6',
      status: 'change',
    });
    const corrections = await inst.db
      .selectFrom('audit_log')
      .select(['reason', 'after'])
      .where('action', '=', 'record.corrected')
      .execute();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.reason).toContain(report.file.sha256.slice(0, 16));
    const cea = await inst.db.selectFrom('assessments').select('cea').where('cea', 'is not', null).execute();
    expect(cea.map((a) => a.cea)).toContain(2.6);
    expect((await verifyAuditChain(inst.db)).ok).toBe(true);
  });
});
