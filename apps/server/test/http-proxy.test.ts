// Behind a reverse proxy: TRUST_PROXY decides whether X-Forwarded-For/-Proto are believed. Believed, the
// per-address login limit counts the client's address; not believed, a client cannot pick its address.
import { afterEach, describe, expect, it } from 'vitest';
import { trustProxySetting } from '../src/security.js';
import { startServer, type TestServer } from './serve.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const fail = (server: TestServer, i: number, forwardedFor: string) =>
  server.post('auth.login', { username: `nobody${i}`, password: 'x' }, { 'x-forwarded-for': forwardedFor });

describe('TRUST_PROXY', () => {
  it('reads true, a hop count, or a list of addresses', () => {
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback')).toBe('loopback');
    expect(trustProxySetting(' 10.0.0.1, 10.0.0.2 ')).toBe('10.0.0.1, 10.0.0.2');
  });

  it('trusted (1 hop): the limit applies to the forwarded client address, not to the proxy', async () => {
    s = await startServer({ trustProxy: '1' });
    for (let i = 0; i < 20; i++) expect((await fail(s, i, '203.0.113.9')).status).toBe(401);
    const limited = await s.post(
      'auth.login',
      { username: 'pi', password: 'trialdesk-demo' },
      { 'x-forwarded-for': '203.0.113.9' },
    );
    expect(limited.status).toBe(429);
    const other = await s.post(
      'auth.login',
      { username: 'pi', password: 'trialdesk-demo' },
      { 'x-forwarded-for': '203.0.113.10' },
    );
    expect(other.status).toBe(200);
    const addresses = await s.open.db.selectFrom('login_failures').select('ip').distinct().execute();
    expect(addresses).toEqual([{ ip: '203.0.113.9' }]);
  });

  it('not trusted: X-Forwarded-For is ignored, so rotating it does not escape the limit', async () => {
    s = await startServer();
    for (let i = 0; i < 20; i++) await fail(s, i, `198.51.100.${i}`);
    const limited = await s.post(
      'auth.login',
      { username: 'pi', password: 'trialdesk-demo' },
      { 'x-forwarded-for': '198.51.100.200' },
    );
    expect(limited.status).toBe(429);
    const addresses = await s.open.db.selectFrom('login_failures').select('ip').distinct().execute();
    expect(addresses).toEqual([{ ip: '127.0.0.1' }]);
  });

  it("TRUST_PROXY=true starts (Express would refuse the string 'true') and believes X-Forwarded-Proto", async () => {
    s = await startServer({ trustProxy: 'true' });
    const host = new URL(s.url).host;
    const res = await s.post(
      'auth.login',
      { username: 'pi', password: 'trialdesk-demo' },
      { 'x-forwarded-proto': 'https', origin: `https://${host}` },
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toContain('Secure');
  });
});
