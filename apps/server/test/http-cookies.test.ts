// The session cookie: always HttpOnly and SameSite=Strict; Secure when COOKIE_SECURE=true, or in 'auto'
// mode when the request came over HTTPS, which behind a proxy is known only if the proxy is trusted.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const LOGIN = { username: 'pi', password: 'trialdesk-demo' };

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trialdesk_session='));
  if (!cookie) throw new Error(`no session cookie (status ${res.status})`);
  return cookie;
}

const attributes = (cookie: string) =>
  cookie
    .split(';')
    .slice(1)
    .map((a) => a.trim());

describe('session cookie flags', () => {
  it('plain HTTP in auto mode: HttpOnly, SameSite=Strict, Path=/, a Max-Age of 12 hours, not Secure', async () => {
    s = await startServer({ cookieSecure: 'auto' });
    const res = await s.post('auth.login', LOGIN);
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/^trialdesk_session=[A-Za-z0-9_-]{43};/);
    expect(attributes(cookie).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict']);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('COOKIE_SECURE=true: Secure even on plain HTTP (TLS ends before the server)', async () => {
    s = await startServer({ cookieSecure: 'true' });
    const cookie = sessionCookie(await s.post('auth.login', LOGIN));
    expect(attributes(cookie)).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']));
  });

  it('behind a trusted proxy that says HTTPS: Secure, HSTS, and the https origin is our own', async () => {
    s = await startServer({ cookieSecure: 'auto', trustProxy: 'loopback' });
    const host = new URL(s.url).host;
    const res = await s.post('auth.login', LOGIN, {
      'x-forwarded-proto': 'https',
      origin: `https://${host}`,
    });
    expect(res.status).toBe(200);
    expect(attributes(sessionCookie(res))).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']),
    );
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // Logging out clears the cookie with the same attributes, or the browser would keep it.
    const cookie = sessionCookie(res).split(';')[0] ?? '';
    const out = await s.post(
      'auth.logout',
      {},
      {
        'x-forwarded-proto': 'https',
        origin: `https://${host}`,
        cookie,
      },
    );
    expect(out.status).toBe(200);
    const cleared = sessionCookie(out);
    expect(attributes(cleared)).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0']),
    );
  });

  it('an untrusted X-Forwarded-Proto is ignored: no Secure, and an https Origin is foreign', async () => {
    s = await startServer({ cookieSecure: 'auto' });
    const host = new URL(s.url).host;
    const plain = await s.post('auth.login', LOGIN, { 'x-forwarded-proto': 'https' });
    expect(attributes(sessionCookie(plain))).not.toContain('Secure');
    const spoofed = await s.post('auth.login', LOGIN, {
      'x-forwarded-proto': 'https',
      origin: `https://${host}`,
    });
    expect(spoofed.status).toBe(403);
  });

  it('COOKIE_SECURE=false: never Secure, even over HTTPS (a local test set-up)', async () => {
    s = await startServer({ cookieSecure: 'false', trustProxy: 'loopback' });
    const host = new URL(s.url).host;
    const res = await s.post('auth.login', LOGIN, {
      'x-forwarded-proto': 'https',
      origin: `https://${host}`,
    });
    expect(attributes(sessionCookie(res))).not.toContain('Secure');
    expect(attributes(sessionCookie(res))).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict']));
  });

  it('accepts an extra origin only when it is configured', async () => {
    s = await startServer({ allowedOrigins: ['https://trialdesk.example.org'] });
    expect((await s.post('auth.login', LOGIN, { origin: 'https://trialdesk.example.org' })).status).toBe(200);
    expect((await s.post('auth.login', LOGIN, { origin: 'https://other.example.org' })).status).toBe(403);
  });
});
