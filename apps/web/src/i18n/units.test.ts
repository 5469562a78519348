// One spelling per unit wherever a person reads it (issue 10: "ml/day", "mL/d" and "mL/day" appeared side by
// side): the pump's flow rate is "mL/day" (Dutch "mL/dag") and millilitres are "mL" in the web app, the trial
// definitions, the demo, the reports and the PDF alike.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../../..');
const roots = [
  'apps/web/src',
  'apps/server/src',
  'packages/domain/src',
  'packages/api/src',
  'packages/db/src',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|R)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Volume-per-time or volume units written any other way than the one spelling. */
const ODD_UNIT = /\b(?:ml|ML|Ml)\b|\bmL\s*\/\s*(?!day\b|dag\b|min\b)[a-z0-9]+|\bmL\s+\/|\bmL\/d\b/g;

describe('units', () => {
  it('writes millilitres as mL and a flow rate as mL/day (mL/dag) everywhere', () => {
    const files = roots.flatMap((r) => sourceFiles(path.join(repo, r)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          // Mantine's `ml` (margin-left) prop is a style, not a unit; a UCUM code (FHIR's `code: 'mL/d'`
          // beside its display `unit`) is for machines, and UCUM spells a day `d`.
          [
            ...line
              .replace(/\bml=["{]/g, '')
              .replace(/\bcode: '[^']*'/g, '')
              .matchAll(ODD_UNIT),
          ].map((m) => `${path.relative(repo, file)}:${i + 1}: ${m[0]}`),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('finds the spellings it forbids', () => {
    for (const odd of ['Flow (ml/day)', 'Flow 1.6 mL/d', 'ml per day', 'mL/24h'])
      expect(odd.match(ODD_UNIT), odd).not.toBeNull();
    for (const good of ['Flow (mL/day)', 'Flow (mL/dag)', 'eGFR > 30 mL/min', 'Returned volume (mL)'])
      expect(good.match(ODD_UNIT), good).toBeNull();
  });
});
