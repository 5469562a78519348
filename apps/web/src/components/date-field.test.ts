// Every date input of the app is the shared DateField: a native <input type="date"> shows the browser's
// own format (mm/dd/yyyy in an American browser) whatever language the app speaks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('date inputs', () => {
  it('no page uses the browser’s own date input or Mantine’s DateInput directly', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !file.endsWith(path.join('components', 'date-field.tsx')))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return /type=["']date["']|type:\s*["']date["']|from '@mantine\/dates'/.test(text);
      })
      .map((file) => path.relative(src, file));
    expect(offenders).toEqual([]);
  });
});
