// CSV import: a spreadsheet of the REDCap sample's data (one row per participant and record, Dutch dates and
// decimal commas, words for codes) imports through the same planning and entry use cases as the ODM file,
// with the same dry run, all-or-nothing commit, audit entry and idempotence; bad files change nothing.
import { verifyAuditChain } from '@trialdesk/db';
import type { CsvMapping } from '@trialdesk/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCsvImport } from '../src/import/csv-import.js';
import {
  csvColumns,
  startingCsvMapping,
  startingCsvMappingWithProblems,
} from '../src/import/generate-csv-mapping.js';
import { runOdmImport } from '../src/import/run-import.js';
import { rowCounts } from './entry-helpers.js';
import { emptyInstance, fixture, fixtureJson, type EmptyInstance } from './import-helpers.js';

let inst: EmptyInstance;
beforeEach(async () => {
  inst = await emptyInstance();
});
afterEach(async () => {
  await inst.close();
});

const CSV = 'spreadsheet-pump3.csv';
const mapping = () => fixtureJson('spreadsheet-pump3.mapping.json') as CsvMapping;
const run = (bytes: Uint8Array, commit: boolean, m: CsvMapping = mapping(), i = inst) =>
  runCsvImport(i.deps(), { trialId: 'pump-iii', fileName: 'upload.csv', bytes, mapping: m, commit });

/** What an instance holds, by source key: the participant's values and its records' key values. */
async function contents(i: EmptyInstance) {
  const ps = await i.db
    .selectFrom('participants')
    .select(['id', 'centre', 'inclusion_date', 'consent_date', 'sex', 'surgery_date', 'pump_date'])
    .orderBy('inclusion_date')
    .execute();
  const cycles = await i.db
    .selectFrom('treatment_cycles')
    .select(['participant_id', 'cycle', 'cycle_date', 'dose_mg', 'modification'])
    .orderBy('participant_id')
    .orderBy('cycle')
    .execute();
  const assessments = await i.db
    .selectFrom('assessments')
    .select(['participant_id', 'performed_date', 'cea', 'status'])
    .orderBy('participant_id')
    .orderBy('slot_id')
    .execute();
  const events = await i.db
    .selectFrom('events')
    .select(['participant_id', 'type', 'event_date', 'complication_term', 'grade', 'haip_related'])
    .orderBy('participant_id')
    .orderBy('event_date')
    .execute();
  const index = new Map(ps.map((p, n) => [p.id, n]));
  const by = <T extends { participant_id: number }>(rows: T[]) =>
    rows.map(({ participant_id, ...r }) => ({ p: index.get(participant_id), ...r }));
  return {
    participants: ps.map(({ id: _id, ...p }) => p),
    cycles: by(cycles),
    assessments: by(assessments),
    events: by(events),
  };
}

describe('the spreadsheet sample', () => {
  it('dry run reports every record to create and writes nothing', async () => {
    const before = await rowCounts(inst.db);
    const report = await run(fixture(CSV), false);
    const refused = report.rows.filter((r) => r.action === 'refused');
    expect(refused, JSON.stringify(refused, null, 1)).toEqual([]);
    expect(report.format).toBe('csv');
    expect(report.subjects).toBe(3);
    // 3 participants, 3 surgeries, 5 cycles, 3 assessments, 2 events.
    expect(report.counts).toEqual({ create: 16, change: 0, unchanged: 0, refused: 0 });
    expect(report.rows.find((r) => r.record === 'cycle')?.where).toBe('line 3');
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('commits the same data as the REDCap ODM file it was made from, audited as one csv import', async () => {
    const report = await run(fixture(CSV), true);
    expect(report.committed).toBe(true);
    const audit = await inst.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'import.committed')
      .execute();
    expect(audit).toHaveLength(1);
    const after = JSON.parse(String(audit[0]?.after)) as { format: string; sha256: string; mapping: unknown };
    expect(after).toMatchObject({ format: 'csv', sha256: report.file.sha256, mapping: mapping() });
    expect((await verifyAuditChain(inst.db)).ok).toBe(true);

    const odm = await emptyInstance();
    try {
      const r = await runOdmImport(odm.deps(), {
        trialId: 'pump-iii',
        fileName: 'redcap.xml',
        bytes: fixture('redcap-pump3.odm.xml'),
        mapping: fixtureJson('redcap-pump3.mapping.json'),
        commit: true,
      });
      expect(r.committed).toBe(true);
      expect(await contents(inst)).toEqual(await contents(odm));
    } finally {
      await odm.close();
    }
  });

  it('a repeat of the same file changes nothing and writes no audit entry', async () => {
    expect((await run(fixture(CSV), true)).committed).toBe(true);
    const counts = await rowCounts(inst.db);
    const again = await run(fixture(CSV), true);
    expect(again.counts).toMatchObject({ create: 0, change: 0, refused: 0, unchanged: 16 });
    expect(again.committed).toBe(false);
    expect(await rowCounts(inst.db)).toEqual(counts);
  });

  it('a changed cell is corrected with the import as the reason', async () => {
    expect((await run(fixture(CSV), true)).committed).toBe(true);
    const changed = fixture(CSV)
      .toString('utf8')
      .replace(';3;done;23-06-2022;2,4;', ';3;done;23-06-2022;2,6;');
    const report = await run(Buffer.from(changed), true);
    expect(report.counts).toMatchObject({ create: 0, change: 1, refused: 0 });
    expect(
      report.rows.find((r) => r.action === 'change')?.fields.find((f) => f.field === 'cea'),
    ).toMatchObject({ before: '2.4', value: '2.6' });
    expect((await verifyAuditChain(inst.db)).ok).toBe(true);
  });
});

describe('layouts and values', () => {
  const participants = () => {
    const lines = fixture(CSV).toString('utf8').split('\r\n');
    return [lines[0], ...lines.filter((l) => /^PUMP-00\d;[^;]+;\d/.test(l))].join('\n');
  };

  it('a wide file: column groups with their constants make one record per group', async () => {
    expect((await run(Buffer.from(participants()), true)).committed).toBe(true);
    const wide = [
      'Participant Id,Cycle 1 date,Cycle 1 dose,Cycle 2 date,Cycle 2 dose',
      'PUMP-001,07-04-2022,"21,6",21-04-2022,"21,6"',
      'PUMP-002,23-06-2022,24,,',
    ].join('\r\n');
    const m: CsvMapping = {
      ...mapping(),
      siteColumn: null,
      constants: {},
      groups: { 'cycle 1': { 'cycle.cycle': 1 }, 'cycle 2': { 'cycle.cycle': 2 } },
      columns: {
        'Cycle 1 date': { target: 'cycle.cycleDate', group: 'cycle 1' },
        'Cycle 1 dose': { target: 'cycle.doseMg', group: 'cycle 1' },
        'Cycle 2 date': { target: 'cycle.cycleDate', group: 'cycle 2' },
        'Cycle 2 dose': { target: 'cycle.doseMg', group: 'cycle 2' },
      },
    };
    const report = await run(Buffer.from(wide), true, m);
    expect(
      report.rows.filter((r) => r.record === 'cycle').map((r) => `${r.where}: ${r.key} ${r.action}`),
    ).toEqual([
      'line 2 (cycle 1): cycle 1 create',
      'line 2 (cycle 2): cycle 2 create',
      'line 3 (cycle 1): cycle 1 create',
    ]);
    const cycles = await inst.db
      .selectFrom('treatment_cycles')
      .select(['cycle', 'dose_mg'])
      .orderBy('id')
      .execute();
    expect(cycles).toEqual([
      { cycle: 1, dose_mg: 21.6 },
      { cycle: 2, dose_mg: 21.6 },
      { cycle: 1, dose_mg: 24 },
    ]);
  });

  it('month-first dates are read as the mapping says', async () => {
    const us = participants().replace(/(\d{2})-(\d{2})-(\d{4})/g, '$2/$1/$3');
    const report = await run(Buffer.from(us), true, { ...mapping(), dateFormat: 'MM/DD/YYYY' });
    expect(report.committed).toBe(true);
    const p = await inst.db
      .selectFrom('participants')
      .select('inclusion_date')
      .orderBy('inclusion_date')
      .execute();
    expect(p.map((x) => x.inclusion_date)).toEqual(['2022-03-14', '2022-06-01', '2022-09-12']);
  });

  it('a formula-looking cell is data: kept as its characters in text, refused where a number belongs', async () => {
    const header =
      'Participant Id;Event type;Event date;Complication term;Complication category;Clavien-Dindo grade;HAIP related;CEA;Month;Assessment status;Assessment date';
    const file = [
      header,
      'PUMP-001;Complication;01-05-2022;"=HYPERLINK(""http://x"",""y"")";other;I;no;;;;',
      'PUMP-001;;;;;;;=1+1;6;done;20-09-2022',
    ].join('\n');
    expect((await run(Buffer.from(participants()), true)).committed).toBe(true);
    const all = mapping().columns;
    const m: CsvMapping = {
      ...mapping(),
      siteColumn: null,
      columns: Object.fromEntries(
        header
          .split(';')
          .slice(1)
          .map((c) => [c, all[c] ?? { target: null }]),
      ),
    };
    const dry = await run(Buffer.from(file), false, m);
    const cea = dry.rows.flatMap((r) => r.fields).find((f) => f.field === 'assessment.cea');
    expect(cea).toMatchObject({ value: '=1+1', status: 'refused' });
    expect(cea?.message).toMatch(/Not a number: “=1\+1”/);
    const ok = await run(Buffer.from(file.split('\n').slice(0, 2).join('\n')), true, m);
    expect(ok.committed, JSON.stringify(ok.rows.filter((r) => r.action === 'refused'))).toBe(true);
    const term = await inst.db
      .selectFrom('events')
      .select('complication_term')
      .where('event_date', '=', '2022-05-01')
      .executeTakeFirst();
    expect(term?.complication_term).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('refusals', () => {
  it.each([
    ['Latin-1 bytes', Buffer.from([0x49, 0x64, 0x0a, 0xe9, 0x0a]), /not valid UTF-8/],
    ['UTF-16', Buffer.from('\ufeffParticipant Id\n1\n', 'utf16le'), /UTF-16/],
    ['XML', fixture('castor-pump3.odm.xml'), /XML, not CSV/],
    [
      'an unclosed quote',
      Buffer.from('Participant Id;Sex\nPUMP-001;"F\nPUMP-002;M\n'),
      /opens on line 2 is never closed/,
    ],
    [
      'a ragged row',
      Buffer.from('Participant Id;Sex;Site\nPUMP-001;F;EMC\nPUMP-002;M\n'),
      /Line 3 has 2 cells where the header has 3/,
    ],
    ['a duplicate column', Buffer.from('Participant Id;Sex;Sex\nPUMP-001;F;F\n'), /“Sex” appears twice/],
    [
      'an empty column name',
      Buffer.from('Participant Id;;Sex\nPUMP-001;x;F\n'),
      /empty column name \(column 2\)/,
    ],
    ['no rows', Buffer.from('Participant Id;Sex\n'), /no data rows/],
    ['empty', Buffer.alloc(0), /empty/],
    ['a row without study ID', Buffer.from('Participant Id;Sex;Site\n;F;EMC\n'), /Line 2 has no study ID/],
  ])('a bad file (%s) gets a clear error and changes nothing', async (_name, bytes, message) => {
    const before = await rowCounts(inst.db);
    const m = { ...mapping(), columns: { Sex: { target: 'participant.sex' } } };
    await expect(run(bytes, true, m)).rejects.toThrow(message);
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('a mapping that does not fit the trial is refused whole, each mistake named, and nothing is written', async () => {
    const before = await rowCounts(inst.db);
    const m = mapping();
    const wrong: CsvMapping = {
      ...m,
      sites: { ...m.sites, AVL: 'XYZ' },
      constants: { 'event.gradeScale': 'whatever', 'cycle.colour': 'red' },
      columns: {
        ...m.columns,
        Sex: { target: 'participant.sex', codes: { F: 'vrouw', M: 'male' } },
        ehd: { target: 'eligibility.extrahepaticDisease', codes: { no: 'nope' } },
        CEA: { target: 'assessment.colour' },
      },
    };
    const refusal = run(fixture(CSV), true, wrong);
    await expect(refusal).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const message = await refusal.catch((e: Error) => e.message);
    for (const words of [
      'The mapping does not fit this trial:',
      'Column “Sex”: the code for “F” is “vrouw”, which participant.sex does not take (allowed: female, male).',
      'Column “ehd”: the code for “no” is “nope”, which eligibility.extrahepaticDisease does not take (allowed: true, false).',
      'Column “CEA”: Unknown target field “assessment.colour”.',
      'The site “AVL” is mapped to “XYZ”, which is no centre of this trial (centres: EMC, IJS, AVL).',
      'The constant event.gradeScale: Unknown code “whatever”',
    ])
      expect(message).toContain(words);
    const nl = runCsvImport(
      { ...inst.deps(), lang: 'nl' },
      { trialId: 'pump-iii', fileName: 'x.csv', bytes: fixture(CSV), mapping: wrong, commit: true },
    );
    await expect(nl).rejects.toThrow(
      /^De mapping past niet bij deze studie: Kolom “Sex”: de code voor “F” is “vrouw”, wat participant.sex niet aanneemt/,
    );
    expect(await rowCounts(inst.db)).toEqual(before);
  });

  it('errors in Dutch for a Dutch user', async () => {
    const deps = { ...inst.deps(), lang: 'nl' as const };
    const req = { trialId: 'pump-iii', fileName: 'x.csv', commit: true, mapping: mapping() };
    await expect(runCsvImport(deps, { ...req, bytes: Buffer.from('a;b\n1;2;3\n') })).rejects.toThrow(
      /Regel 2 heeft 3 cellen waar de kopregel er 2 heeft/,
    );
    await expect(runCsvImport(deps, { ...req, bytes: Buffer.from('a;b\n1;2\n') })).rejects.toThrow(
      /De mapping noemt \d+ kolommen die het bestand niet heeft: “Participant Id”/,
    );
  });

  it('a huge file, an unknown trial, a column the file lacks, an ODM mapping, a role without data:import', async () => {
    const bytes = fixture(CSV);
    const base = { fileName: 'x.csv', bytes, commit: true, mapping: mapping() };
    await expect(runCsvImport(inst.deps(), { ...base, trialId: 'pump-iii', maxBytes: 1024 })).rejects.toThrow(
      /an import takes at most/,
    );
    await expect(runCsvImport(inst.deps(), { ...base, trialId: 'no-such-trial' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const renamed = {
      ...mapping(),
      columns: { ...mapping().columns, 'CEA (ug/L)': { target: 'assessment.cea' } },
    };
    await expect(run(bytes, true, renamed)).rejects.toThrow(
      /names a column the file does not have: “CEA \(ug\/L\)”/,
    );
    const odmMapping = fixtureJson('redcap-pump3.mapping.json') as CsvMapping;
    await expect(run(bytes, true, odmMapping)).rejects.toThrow(/needs a CSV mapping/);
    await expect(run(bytes, true, { ...mapping(), trialId: 'artery-2' })).rejects.toThrow(
      /made for trial artery-2/,
    );
    for (const role of ['pi', 'coordinator', 'monitor', 'steering'] as const)
      await expect(
        runCsvImport(inst.deps(role, role === 'coordinator' ? 'EMC' : null), {
          ...base,
          trialId: 'pump-iii',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await inst.db.selectFrom('participants').select('id').execute()).toEqual([]);
  });

  it('an ineligible row is refused with its criterion, and nothing is written', async () => {
    const before = await rowCounts(inst.db);
    // The first participant's ECOG 0 becomes 3.
    const file = fixture(CSV).toString('utf8').replace(';63;0;4.2;', ';63;3;4.2;');
    const report = await run(Buffer.from(file), true);
    expect(report.committed).toBe(false);
    const refused = report.rows.filter((r) => r.action === 'refused');
    expect(refused[0]).toMatchObject({ subject: 'PUMP-001', record: 'participant' });
    expect(JSON.stringify(refused[0])).toMatch(/ECOG/);
    expect(await rowCounts(inst.db)).toEqual(before);
  });
});

describe('the mapping step', () => {
  it('previews the columns and first rows', () => {
    const preview = csvColumns({ lang: 'en' }, fixture(CSV));
    expect(preview.delimiter).toBe(';');
    expect(preview.headers[0]).toBe('Participant Id');
    expect(preview.headers).toHaveLength(65);
    expect(preview.rowCount).toBe(13);
    expect(preview.rows[0]?.slice(0, 3)).toEqual(['PUMP-001', 'Erasmus MC', '14-03-2022']);
  });

  it('starts a mapping with one entry per column, targets guessed by name and codes from the values', async () => {
    const m = await startingCsvMapping(inst.deps(), 'pump-iii', fixture(CSV));
    expect(m).toMatchObject({
      format: 'trialdesk-csv-mapping/1',
      subjectColumn: 'Participant Id',
      siteColumn: 'Site',
      sites: { 'Erasmus MC': 'EMC', AVL: 'AVL' },
      dateFormat: 'DD-MM-YYYY',
      // The grade column's header names its scale.
      constants: { 'event.gradeScale': 'clavien_dindo' },
    });
    expect(Object.keys(m.columns)).toHaveLength(63);
    expect(m.columns['Inclusion date']).toMatchObject({ target: 'participant.inclusionDate', guessed: true });
    expect(m.columns.Sex).toMatchObject({ target: 'participant.sex', codes: { F: 'female', M: 'male' } });
    expect(m.columns.ecog?.target).toBe('eligibility.ecog');
    expect(m.columns.bilirubin_uln?.target).toBe('eligibility.bilirubin.uln');
    expect(m.columns.CEA?.target).toBe('assessment.cea');
    expect(m.columns['Flow rate (mL/day)']?.target).toBe('cycle.flowRateMlDay');
    // REDCap's short names for the yes/no eligibility questions: the criterion from the header's words and
    // the yes/no values, and codes from the values.
    expect(m.columns.recurrent_crlm).toMatchObject({
      target: 'eligibility.recurrentResectableCrlm',
      codes: { yes: 'true' },
      guessed: true,
    });
    expect(m.columns.ehd).toMatchObject({
      target: 'eligibility.extrahepaticDisease',
      codes: { no: 'false' },
    });
    const hand = mapping();
    for (const [column, c] of Object.entries(hand.columns))
      expect([column, m.columns[column]?.target]).toEqual([column, c.target]);
    expect(m.columns['HAIP related']?.codes).toEqual({ yes: 'true' });
    expect(m.columns['Event type']?.codes).toEqual({
      Complication: 'complication',
      Recurrence: 'recurrence',
    });
  });

  it('a dry run of the unedited starting mapping refuses nothing and reads as the edited mapping', async () => {
    const m = await startingCsvMapping(inst.deps(), 'pump-iii', fixture(CSV));
    const report = await run(fixture(CSV), false, m);
    expect(report.rows.filter((r) => r.action === 'refused')).toEqual([]);
    const edited = await run(fixture(CSV), false);
    expect(report.counts).toEqual(edited.counts);
  });

  it('names every value the starting mapping cannot read, by column and value, in English and Dutch', async () => {
    const bytes = Buffer.from(
      'Study ID;Sex;Inclusion date;CEA;ehd\nP-1;F;14-03-2022;2,5;no\nP-2;X;soon;high;yes\nP-3;M;;;maybe\n',
    );
    const en = await startingCsvMappingWithProblems(inst.deps(), 'pump-iii', bytes);
    // A column of yes, no and one unreadable value is still a yes/no column: its odd value is named.
    expect(en.mapping.columns.ehd).toMatchObject({ target: 'eligibility.extrahepaticDisease' });
    expect(en.mapping.columns.Sex?.codes).toEqual({ F: 'female', M: 'male' });
    expect(en.problems.map((p) => [p.column, p.value])).toEqual([
      ['Sex', 'X'],
      ['Inclusion date', 'soon'],
      ['CEA', 'high'],
      ['ehd', 'maybe'],
    ]);
    expect(en.problems[0]?.message).toBe(
      'Column “Sex”: Unknown code “X” (allowed: female, male); add it to the mapping’s codes.',
    );
    const nl = await startingCsvMappingWithProblems({ ...inst.deps(), lang: 'nl' }, 'pump-iii', bytes);
    expect(nl.problems.map((p) => p.message)).toEqual([
      'Kolom “Sex”: Onbekende code “X” (toegestaan: female, male); voeg hem toe aan de codes van de mapping.',
      'Kolom “Inclusion date”: Geen datum: “soon” (JJJJ-MM-DD of DD-MM-JJJJ).',
      'Kolom “CEA”: Geen getal: “high”.',
      'Kolom “ehd”: Geen ja/nee: “maybe” (vertaal het in de codes van de mapping).',
    ]);
  });
});
