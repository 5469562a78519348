// Access over HTTP: the status codes a browser sees, a coordinator's answers for another centre that are
// byte-for-byte those for a missing participant, and the login limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

describe('status codes', () => {
  it('401 without a session, 403 for a role without the permission, 200 with it', async () => {
    expect((await s.query('audit.verify', undefined)).status).toBe(401);
    const steering = await s.login('steering');
    expect((await s.query('audit.verify', undefined, { cookie: steering })).status).toBe(403);
    expect((await s.query('participants.list', { trialId: 'pump-iii' }, { cookie: steering })).status).toBe(
      403,
    );
    const pi = await s.login('pi');
    const ok = await s.query('audit.verify', undefined, { cookie: pi });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ result: { data: { ok: true } } });
  });
});

describe('a coordinator asking for another centre', () => {
  it('gets the same status and the same body as for a participant that does not exist', async () => {
    const cookie = await s.login('coord-emc');
    const other = await s.query(
      'participants.get',
      { trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' },
      { cookie },
    );
    const missing = await s.query(
      'participants.get',
      { trialId: 'pump-iii', studyId: 'PUMP3-EMC-999' },
      { cookie },
    );
    expect(other.status).toBe(403);
    expect(missing.status).toBe(other.status);
    const otherBody = await other.text();
    expect(await missing.text()).toBe(otherBody);
    expect(otherBody).not.toMatch(/AVL/);

    const list = await s.query('followUp.matrix', { trialId: 'pump-iii', centre: 'AVL' }, { cookie });
    const nowhere = await s.query('followUp.matrix', { trialId: 'pump-iii', centre: 'ZZZ' }, { cookie });
    expect(list.status).toBe(403);
    expect(await nowhere.text()).toBe(await list.text());
  });
});

describe('login limits over HTTP', () => {
  it('answers 429 after 5 wrong passwords for one account, with the same body for a real and an unknown user', async () => {
    const wrong = async (username: string) =>
      s.post('auth.login', { username, password: 'not-the-password' });
    const first = await wrong('monitor');
    const unknown = await wrong('no-such-user');
    expect(first.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe(await first.text());
    for (let i = 0; i < 4; i++) {
      await wrong('monitor');
      await wrong('no-such-user');
    }
    const limited = await s.post('auth.login', { username: 'monitor', password: 'trialdesk-demo' });
    const limitedUnknown = await wrong('no-such-user');
    expect(limited.status).toBe(429);
    expect(await limitedUnknown.text()).toBe(await limited.text());
  });
});
