// HTTP hardening, tested over real HTTP: security headers on every kind of response, state changes only
// as same-origin JSON POSTs, body limits, malformed input, and error bodies that reveal nothing inside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Trialdesk</title>');
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
  s = await startServer({ webDist });
});
afterAll(async () => {
  await s.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

/** Nothing from inside the server: no stack frame, no file path, no SQL, no driver name. */
function expectNothingInside(body: string) {
  expect(body).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node_modules|stack/i);
  expect(body).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i);
  expect(body).not.toMatch(/sqlite|no such table|audit_log|sessions\b/i);
}

describe('security headers on every response', () => {
  const cases: [string, () => Promise<Response>][] = [
    ['health', () => fetch(`${s.url}/healthz`)],
    ['the app shell', () => fetch(`${s.url}/participants`)],
    ['a static asset', () => fetch(`${s.url}/assets/app.js`)],
    ['a missing asset', () => fetch(`${s.url}/assets/missing.js`)],
    ['a tRPC query without a session', () => s.query('auth.me', undefined)],
    ['a tRPC mutation with bad input', () => s.post('auth.login', { username: '' })],
    ['an unknown procedure', () => s.query('nope.nothing', undefined)],
    ['a refused method', () => fetch(`${s.url}/trpc/auth.login`, { method: 'PUT' })],
    ['an unknown path', () => fetch(`${s.url}/trpc-nope`, { method: 'POST' })],
    [
      'a malformed body',
      () =>
        fetch(`${s.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
    ],
  ];
  it.each(cases)('%s', async (_what, request) => {
    expectSecurityHeaders(await request());
  });

  it('API answers are never cached; the app shell is revalidated', async () => {
    expect((await s.query('auth.me', undefined)).headers.get('cache-control')).toBe('no-store');
    expect((await s.post('auth.login', { username: 'x', password: 'y' })).headers.get('cache-control')).toBe(
      'no-store',
    );
    expect((await fetch(`${s.url}/participants`)).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('state changes: POST, JSON, same origin', () => {
  it('refuses a mutation sent as GET', async () => {
    const res = await s.query('auth.login', { username: 'pi', password: 'trialdesk-demo' });
    expect(res.status).toBe(405);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('refuses %s', async (method) => {
    const res = await fetch(`${s.url}/trpc/auth.login`, {
      method,
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ username: 'pi', password: 'trialdesk-demo' }),
    });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({
      error: { message: 'Only GET and POST are accepted.', key: 'http.method' },
    });
  });

  it.each([
    ['text/plain', JSON.stringify({ username: 'pi', password: 'trialdesk-demo' })],
    ['application/x-www-form-urlencoded', 'username=pi&password=trialdesk-demo'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\npi\r\n--x--',
    ],
  ])('refuses a %s body (what a cross-site form can send)', async (type, body) => {
    const res = await fetch(`${s.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(res.status).toBe(415);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses another origin, and a cross-site fetch', async () => {
    const login = { username: 'pi', password: 'trialdesk-demo' };
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: s.url.replace('127.0.0.1', 'localhost') },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const res = await s.post('auth.login', login, headers);
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const sessions = await s.open.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toEqual([]);
  });

  it('accepts the same origin, and a request without an Origin header (not a browser)', async () => {
    expect((await s.post('auth.login', { username: 'pi', password: 'trialdesk-demo' })).status).toBe(200);
    const res = await fetch(`${s.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'monitor', password: 'trialdesk-demo' }),
    });
    expect(res.status).toBe(200);
  });
});

describe('bodies the server will not read', () => {
  it('answers a body over the limit with 413 JSON', async () => {
    const res = await s.post('auth.login', { username: 'pi', password: 'x'.repeat(150_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { message: 'The request body is too large.', key: 'http.413' },
    });
  });

  it('answers malformed JSON with 400 JSON', async () => {
    for (const body of ['{', '{"username": "pi",}', '"just a string"', 'null']) {
      const res = await fetch(`${s.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: s.url },
        body,
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expectNothingInside(text);
      expect(JSON.parse(text)).toHaveProperty(['error', 'message']);
    }
  });

  it('answers a malformed query input with 400 and nothing inside', async () => {
    const cookie = await s.login('monitor');
    const res = await fetch(`${s.url}/trpc/participants.list?input=%7Bnot-json`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expectNothingInside(await res.text());
  });
});

describe('cookies the server did not set', () => {
  it.each([
    ['bad percent-encoding', 'trialdesk_session=%E0%A4%A'],
    ['no value', 'trialdesk_session'],
    ['an empty value', 'trialdesk_session='],
    ['stray separators', '=; ;;; trialdesk_session==x=='],
    ['a 9000-character value', `trialdesk_session=${'A'.repeat(9000)}`],
    ['a quoted value', 'trialdesk_session="quoted"; other=1'],
    ['non-ASCII text', 'trialdesk_session=\u00e9t\u00e9'],
  ])('%s → 401, never 500', async (_what, cookie) => {
    const res = await s.query('auth.me', undefined, { cookie });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
  });
});

describe('error bodies', () => {
  it('a bad input lists the fields, with no stack', async () => {
    const res = await s.post('auth.login', { username: '', password: 'x' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expectNothingInside(text);
    const body = JSON.parse(text) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toBe('Some values are not valid.');
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', key: 'input.invalid' });
    expect(body.error.data.fields).toHaveProperty('username');
    expect(Object.keys(body.error.data).sort()).toEqual([
      'code',
      'fields',
      'httpStatus',
      'key',
      'params',
      'path',
    ]);
  });

  it('a procedure that throws inside answers 500 with a plain message, and the details go to the log', async () => {
    const cookie = await s.login('admin');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await s.runAsOwner('ALTER TABLE audit_log RENAME TO audit_log_moved');
    try {
      const res = await s.query('audit.verify', undefined, { cookie });
      expect(res.status).toBe(500);
      const text = await res.text();
      expectNothingInside(text);
      expect(JSON.parse(text)).toMatchObject({
        error: {
          message: 'Something went wrong on the server. Nothing was saved.',
          data: { key: 'server.error' },
        },
      });
      expect(log).toHaveBeenCalled();
      expect(String(log.mock.calls[0]?.[1])).toMatch(
        /no such table: audit_log|relation "audit_log" does not exist/,
      );
    } finally {
      await s.runAsOwner('ALTER TABLE audit_log_moved RENAME TO audit_log');
      log.mockRestore();
    }
  });

  it('a failure while reading the session answers 500 with a plain message', async () => {
    const cookie = await s.login('pi');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await s.runAsOwner('ALTER TABLE sessions RENAME TO sessions_moved');
    try {
      const res = await s.query('auth.me', undefined, { cookie });
      expect(res.status).toBe(500);
      expectNothingInside(await res.text());
    } finally {
      await s.runAsOwner('ALTER TABLE sessions_moved RENAME TO sessions');
      log.mockRestore();
    }
  });
});
