// An attacker's requests to the FHIR API over HTTP: every answer is FHIR (an OperationOutcome for every
// refusal and for a failure inside, never Express's own error shape, a stack trace or SQL), and another
// centre's resource answers exactly as one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
let coordToken: string;
beforeAll(async () => {
  s = await startServer();
  const cookie = await s.login('coord-emc');
  const res = await s.post('tokens.create', { label: 'Attack test' }, { cookie });
  coordToken = ((await res.json()) as { result: { data: { token: string } } }).result.data.token;
});
afterAll(() => s.close());

const fhir = (path: string, init: RequestInit = {}, token: string | null = coordToken) =>
  fetch(`${s.url}/fhir/R4${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });

interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; diagnostics: string; details: { coding: { code: string }[] } }[];
}

async function outcomeOf(res: Response, status: number): Promise<Outcome> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  const body = (await res.json()) as Outcome;
  expect(body.resourceType).toBe('OperationOutcome');
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+|SQLITE|sqlite|relation|SELECT|node_modules/);
  return body;
}

describe('FHIR refusals are OperationOutcomes', () => {
  it('answers every bad request as FHIR with its own status', async () => {
    await outcomeOf(await fhir('/Patient', {}, null), 401);
    await outcomeOf(await fhir('/Patient', {}, 'tdk_' + 'x'.repeat(60)), 401);
    await outcomeOf(await fhir('/Patient', { method: 'POST', body: '{}' }), 405);
    await outcomeOf(await fhir('/Patient', { method: 'DELETE' }), 405);
    await outcomeOf(await fhir('/Patient/a/b'), 404);
    await outcomeOf(await fhir('/%3Cscript%3E'), 404);
    await outcomeOf(await fhir('/Patient?_count=0'), 400);
    await outcomeOf(await fhir('/Patient?_count=1&_count=2'), 400);
    await outcomeOf(await fhir('/Patient?_count=1e3'), 400);
    await outcomeOf(await fhir('/Patient?_offset=-1'), 400);
    await outcomeOf(await fhir('/Patient?name=x'), 400);
  });

  it('answers another centre’s patient exactly as one that does not exist', async () => {
    const avl = await s.row<{ study_id: string }>(
      "SELECT study_id FROM participants WHERE trial_id = 'pump-iii' AND centre = 'AVL' ORDER BY study_id",
    );
    const other = `pump-iii.${avl!.study_id}`;
    const missing = 'pump-iii.PUMP3-AVL-999';
    for (const type of ['Patient', 'ResearchSubject']) {
      const a = await outcomeOf(await fhir(`/${type}/${other}`), 404);
      const b = await outcomeOf(await fhir(`/${type}/${missing}`), 404);
      expect(JSON.stringify(a).replaceAll(other, '#')).toBe(JSON.stringify(b).replaceAll(missing, '#'));
    }
    const search = (await (await fhir(`/Patient?subject=Patient/${other}`)).json()) as { total: number };
    expect(search.total).toBe(0);
  });

  it('answers a failure inside as an OperationOutcome, in the caller’s language, without internals', async () => {
    await s.runAsOwner('ALTER TABLE api_tokens RENAME TO api_tokens_moved');
    try {
      const en = await outcomeOf(await fhir('/Patient'), 500);
      expect(en.issue[0]).toMatchObject({ severity: 'error', code: 'exception' });
      expect(en.issue[0]?.diagnostics).toMatch(/^Something went wrong on the server/);
      const nl = await outcomeOf(await fhir('/Patient', { headers: { 'accept-language': 'nl' } }), 500);
      expect(nl.issue[0]?.diagnostics).toMatch(/^Er ging iets mis op de server/);
      expect(JSON.stringify(nl)).not.toMatch(/api_tokens/);
    } finally {
      await s.runAsOwner('ALTER TABLE api_tokens_moved RENAME TO api_tokens');
    }
    expect((await fhir('/Patient')).status).toBe(200);
  });
});

describe('the import body bound is for the data manager only', () => {
  // A body far over the 100 kB bound, which only an import from the data manager may send.
  const big = () => ({
    trialId: 'pump-iii',
    format: 'odm',
    fileName: 'big.odm.xml',
    content: Buffer.from(`<ODM>${' '.repeat(600_000)}</ODM>`).toString('base64'),
  });

  it('refuses a large import body with 413 before reading it, without a session or from another role', async () => {
    expect((await s.post('imports.dryRun', big())).status).toBe(413);
    expect((await s.post('imports.dryRun', big(), { cookie: 'trialdesk_session=forged' })).status).toBe(413);
    const coordinator = await s.login('coord-emc');
    expect((await s.post('imports.dryRun', big(), { cookie: coordinator })).status).toBe(413);
    const pi = await s.login('pi');
    expect((await s.post('imports.startingMapping', big(), { cookie: pi })).status).toBe(413);
    // A small body still reaches the procedure, which answers as it always did.
    const small = { ...big(), content: Buffer.from('<ODM></ODM>').toString('base64') };
    expect((await s.post('imports.dryRun', small)).status).toBe(401);
    expect((await s.post('imports.dryRun', small, { cookie: coordinator })).status).toBe(403);
  });

  it('reads the same body for the data manager and answers with the import’s own words', async () => {
    const admin = await s.login('admin');
    const res = await s.post('imports.dryRun', big(), { cookie: admin });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/no clinical data|ClinicalData/);
  });
});
