// Personal API tokens over HTTP: a bearer token reads the tRPC API as its user (no cookie, no origin needed
// for a GET), a write with it is 403, a revoked or unknown token is 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

async function createToken(username: string): Promise<{ id: number; token: string; cookie: string }> {
  const cookie = await s.login(username);
  const res = await s.post('tokens.create', { label: 'HTTP test' }, { cookie });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: { id: number; token: string } } };
  return { ...body.result.data, cookie };
}

describe('Authorization: Bearer on the API', () => {
  it('reads as the user, refuses writes with 403, and 401 once revoked', async () => {
    const { id, token, cookie } = await createToken('coord-emc');
    const bearer = { authorization: `Bearer ${token}` };
    const list = await s.query('participants.list', { trialId: 'pump-iii' }, bearer);
    expect(list.status).toBe(200);
    const rows = ((await list.json()) as { result: { data: { rows: { centre: string }[] } } }).result.data
      .rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.centre))).toEqual(new Set(['EMC']));

    const write = await s.post(
      'entry.screening.record',
      { trialId: 'pump-iii', centre: 'EMC', screeningDate: '2026-11-20', outcome: 'declined' },
      bearer,
    );
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: { data: { key: 'token.readOnly' } } });

    expect((await s.post('tokens.revoke', { tokenId: id }, { cookie })).status).toBe(200);
    expect((await s.query('participants.list', { trialId: 'pump-iii' }, bearer)).status).toBe(401);
    expect((await s.query('auth.me', undefined, { authorization: 'Bearer tdk_nonsense' })).status).toBe(401);
  });
});

describe('the FHIR R4 API over HTTP', () => {
  it('answers application/fhir+json to a bearer token, 401 without one, 405 to a write', async () => {
    const { token } = await createToken('monitor');
    const res = await fetch(`${s.url}/fhir/R4/ResearchSubject?study=pump-iii&_count=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bundle = (await res.json()) as {
      total: number;
      entry: unknown[];
      link: { relation: string; url: string }[];
    };
    expect(bundle.total).toBe(45);
    expect(bundle.entry).toHaveLength(5);
    expect(bundle.link.find((l) => l.relation === 'next')?.url).toBe(
      `${s.url}/fhir/R4/ResearchSubject?study=pump-iii&_count=5&_offset=5`,
    );

    const none = await fetch(`${s.url}/fhir/R4/Patient`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    // A session cookie is no way in: only tokens read the FHIR API.
    const cookie = await s.login('pi');
    expect((await fetch(`${s.url}/fhir/R4/Patient`, { headers: { cookie } })).status).toBe(401);

    const write = await fetch(`${s.url}/fhir/R4/Patient`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      body: '{"resourceType":"Patient"}',
    });
    expect(write.status).toBe(405);
    const meta = await fetch(`${s.url}/fhir/R4/metadata`);
    expect(meta.status).toBe(200);
    expect(await meta.json()).toMatchObject({ resourceType: 'CapabilityStatement' });
  });
});
