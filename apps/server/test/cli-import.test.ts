// `pnpm cli import` with a CSV file on a real database file: the format from the extension (or --format),
// a starting mapping written, a dry run that writes nothing, a commit audited as one csv import, a repeat
// that finds nothing to do, and a bad file refused with words and exit code 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqlite, seedDemo } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const csv = path.join(root, 'test/fixtures/import/spreadsheet-pump3.csv');
const mapping = path.join(root, 'test/fixtures/import/spreadsheet-pump3.mapping.json');
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-cli-import-'));
  file = path.join(dir, 'db.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'import', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_FILE: file },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The demo, with PUMP-III's target raised so that the sample's three participants fit. */
async function seeded() {
  const open = openSqlite(file);
  await seedDemo(open.db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
  open.sqlite.exec(
    "UPDATE trials SET definition = json_set(definition, '$.target', 100) WHERE id = 'pump-iii'",
  );
  return open;
}

const count = (open: ReturnType<typeof openSqlite>, sql: string) =>
  (open.sqlite.prepare(sql).get() as { n: number }).n;

describe('pnpm cli import FILE.csv', () => {
  it('writes a starting mapping, dry-runs, commits once, and finds nothing to do the second time', async () => {
    const open = await seeded();
    const participants = count(open, 'SELECT count(*) AS n FROM participants');
    const written = path.join(dir, 'start.json');
    const start = run([csv, '--trial', 'pump-iii', '--write-mapping', written]);
    expect(start.code, start.err).toBe(0);
    const m = JSON.parse(fs.readFileSync(written, 'utf8')) as { format: string; subjectColumn: string };
    expect(m).toMatchObject({ format: 'trialdesk-csv-mapping/1', subjectColumn: 'Participant Id' });

    const dry = run([csv, '--trial', 'pump-iii', '--mapping', mapping]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(
      /^Dry run of spreadsheet-pump3\.csv .*16 to create, 0 to change, 0 unchanged, 0 refused/,
    );
    expect(count(open, 'SELECT count(*) AS n FROM participants')).toBe(participants);

    const report = path.join(dir, 'report.csv');
    const done = run([csv, '--trial', 'pump-iii', '--mapping', mapping, '--commit', '--report', report]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/Committed as one import/);
    expect(fs.readFileSync(report, 'utf8').split('\n')[0]).toMatch(/^subject,study_id,record,/);
    expect(count(open, 'SELECT count(*) AS n FROM participants')).toBe(participants + 3);
    const audit = open.sqlite
      .prepare("SELECT after FROM audit_log WHERE action = 'import.committed'")
      .all() as { after: string }[];
    expect(audit.map((a) => (JSON.parse(a.after) as { format: string }).format)).toEqual(['csv']);

    const again = run([csv, '--trial', 'pump-iii', '--mapping', mapping, '--commit']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Nothing to import/);
    await open.close();
  });

  it('reads a CSV file under another name with --format csv, and refuses a bad file or format', async () => {
    const open = await seeded();
    const renamed = path.join(dir, 'export.dat');
    fs.copyFileSync(csv, renamed);
    const dry = run([renamed, '--trial', 'pump-iii', '--mapping', mapping, '--format', 'csv']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/16 to create/);
    // Without --format, a .dat file is taken for ODM, and its text is no XML.
    const asOdm = run([renamed, '--trial', 'pump-iii']);
    expect(asOdm.code).toBe(1);
    expect(asOdm.err).toMatch(/not well-formed XML/);
    const ragged = path.join(dir, 'ragged.csv');
    fs.writeFileSync(ragged, 'Participant Id;Sex\nPUMP-001;F;extra\n');
    const bad = run([ragged, '--trial', 'pump-iii', '--mapping', mapping]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Line 2 has 3 cells where the header has 2/);
    expect(run([csv, '--trial', 'pump-iii', '--format', 'xlsx']).code).toBe(2);
    expect(count(open, "SELECT count(*) AS n FROM audit_log WHERE action = 'import.committed'")).toBe(0);
    await open.close();
  });
});
