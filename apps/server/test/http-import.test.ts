// The import procedures take a whole file as base64 in the JSON body: only a request naming import
// procedures alone may be larger than the small bound every other call keeps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT, namesOnlyImports } from '../src/json-body.js';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
let cookie: string;
beforeAll(async () => {
  s = await startServer();
  cookie = await s.login('admin');
});
afterAll(() => s.close());

/** The Castor sample with a comment that takes it over the 100 kB every other call is bounded by. */
function paddedCastor() {
  const path = fileURLToPath(new URL('../../../test/fixtures/import/castor-pump3.odm.xml', import.meta.url));
  const xml = readFileSync(path, 'utf8').replace('?>', `?>\n<!-- ${'padding '.repeat(40_000)}-->`);
  return {
    trialId: 'pump-iii',
    format: 'odm',
    fileName: 'castor-pump3.odm.xml',
    content: Buffer.from(xml, 'utf8').toString('base64'),
  };
}

describe('the body bound of the import procedures', () => {
  it('reads a file of hundreds of kilobytes for an import, and answers with the import', async () => {
    const input = paddedCastor();
    expect(JSON.stringify(input).length).toBeGreaterThan(300_000);
    const res = await s.post('imports.startingMapping', input, { cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { mapping: { trialId: string } } } };
    expect(body.result.data.mapping.trialId).toBe('pump-iii');
  });

  it('keeps the small bound for every other procedure, and for a batch that names one', async () => {
    const input = paddedCastor();
    expect((await s.post('trials.setTarget', input, { cookie })).status).toBe(413);
    const batch = await fetch(`${s.url}/trpc/imports.startingMapping,trials.setTarget?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url, cookie },
      body: JSON.stringify({ 0: input, 1: input }),
    });
    expect(batch.status).toBe(413);
  });

  it('names import calls only when every procedure of the path is one', () => {
    expect(namesOnlyImports('/imports.dryRun')).toBe(true);
    expect(namesOnlyImports('/imports.dryRun,imports.commit')).toBe(true);
    expect(namesOnlyImports('/imports.dryRun,users.create')).toBe(false);
    expect(namesOnlyImports('/users.create')).toBe(false);
    expect(namesOnlyImports('/imports.dryRun%2Cusers.create')).toBe(false);
    expect(namesOnlyImports('/%E0%A4%A')).toBe(false);
    // The import's 20 MB as base64, and room for the mapping.
    expect(IMPORT_BODY_LIMIT).toBeGreaterThan(Math.ceil((20 * 1024 * 1024) / 3) * 4);
  });
});
