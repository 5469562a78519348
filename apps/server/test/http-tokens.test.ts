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
