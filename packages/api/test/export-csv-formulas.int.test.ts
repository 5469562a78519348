// Every CSV export goes through one writer that neutralises spreadsheet formulas in text: a screening
// reason typed as "=…" comes out of the data-cut zip as "'=…", and every text column of every table (and
// the data dictionary) is checked with every formula start, while numbers, negative ones included, stay
// numbers.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvZip } from '../src/reports/csv-export.js';
import { exportTables, type ExportTable } from '../src/reports/export-tables.js';
import { loadCut, parseSnapshot } from '../src/reports/source.js';
import { loadTrial } from '../src/access/load-trial.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'pump-iii';
const FORMULAS = ['=1+2', '+31 10 123', '-2+3', '@SUM(A1:A9)', '\tcmd', '\rcmd', '=HYPERLINK("x","y")'];

/** RFC 4180, written independently of the writer: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

function files(zip: Uint8Array): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip)))
    if (name.endsWith('.csv')) out[name] = parseCsv(strFromU8(bytes));
  return out;
}

async function cutTables(): Promise<ExportTable[]> {
  const pi = await h.as('pi');
  const cut = await pi.committee.dataCuts.create({ trialId, label: 'Formula cut', asOf: '2026-11-26' });
  const trial = await loadTrial({ db: h.open.db, lang: 'en' as const }, trialId);
  return exportTables(trial.definition, parseSnapshot(await loadCut({ db: h.open.db }, trial.id, cut.id)));
}

describe('data-cut CSV export', () => {
  it('neutralises a screening reason typed as a formula, through the API', async () => {
    const coord = await h.as('coord-emc');
    await coord.entry.screening.record({
      trialId,
      screeningDate: '2026-11-24',
      outcome: 'other',
      reason: '=HYPERLINK("http://x","y")',
    });
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'Reason cut', asOf: '2026-11-26' });
    const file = await pi.committee.exports.csv({ trialId, cutId: cut.id });
    const screenings = files(Buffer.from(file.base64, 'base64'))['screenings.csv'] ?? [];
    const reason = screenings[0]?.indexOf('reason') ?? -1;
    const reasons = screenings.slice(1).map((r) => r[reason]);
    expect(reasons).toContain('\'=HYPERLINK("http://x","y")');
    expect(reasons.filter((r) => /^[=+\-@\t\r]/.test(r ?? ''))).toEqual([]);
  });

  it('neutralises every formula start in every text column of every table and the dictionary', async () => {
    const tables = await cutTables();
    expect(tables.length).toBeGreaterThan(4);
    for (const formula of FORMULAS) {
      // Every text cell (and every description) becomes the formula; every numeric cell a negative number.
      const hostile = tables.map((t) => ({
        ...t,
        description: formula,
        columns: t.columns.map((c) => ({ ...c, description: formula })),
        rows: (t.rows.length > 0 ? t.rows : [t.columns.map(() => null)]).map((r) =>
          t.columns.map((c, i) =>
            c.type === 'integer' || c.type === 'float' ? -3 : c.type === 'boolean' ? (r[i] ?? null) : formula,
          ),
        ),
      }));
      const out = files(csvZip(hostile, 'readme'));
      for (const t of hostile) {
        const rows = out[`${t.name}.csv`] ?? [];
        expect(rows.length).toBe(t.rows.length + 1);
        t.columns.forEach((c, i) => {
          const expected = c.type === 'integer' || c.type === 'float' ? '-3' : `'${formula}`;
          for (const row of rows.slice(1)) if (c.type !== 'boolean') expect(row[i]).toBe(expected);
        });
      }
      const dictionary = out['data_dictionary.csv'] ?? [];
      for (const row of dictionary.slice(1)) expect([row[3], row[5]]).toEqual([`'${formula}`, `'${formula}`]);
    }
  });
});
