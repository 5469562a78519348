// Compression of the API's JSON answers over real HTTP (issue 17): negotiated from Accept-Encoding, only
// above a small size, the same JSON once decoded, and live updates (SSE) neither compressed nor held back.
// node:http rather than fetch, which would decode the body itself and hide what was sent.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, pickEncoding } from '../src/compress.js';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
let pi: string;
beforeAll(async () => {
  s = await startServer();
  pi = await s.login('pi');
});
afterAll(() => s.close());

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${s.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const q = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
const overview = q('overview.get', { trialId: 'pump-iii' });

function decode(raw: Raw): string {
  const enc = raw.headers['content-encoding'];
  if (enc === 'gzip') return zlib.gunzipSync(raw.body).toString('utf8');
  if (enc === 'br') return zlib.brotliDecompressSync(raw.body).toString('utf8');
  expect(enc).toBeUndefined();
  return raw.body.toString('utf8');
}

describe('choosing an encoding from Accept-Encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['BR', 'br'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['deflate', null],
    ['gzip;q=nonsense', null],
  ] as const)('%j gives %j', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

describe('JSON answers over the wire', () => {
  it('sends the overview brotli- or gzip-compressed as asked, and the same JSON once decoded', async () => {
    const plain = await get(overview, { cookie: pi });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    const text = plain.body.toString('utf8');
    for (const [accept, expected] of [
      ['gzip, deflate', 'gzip'],
      ['gzip, deflate, br', 'br'],
    ] as const) {
      const packed = await get(overview, { cookie: pi, 'accept-encoding': accept });
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(expected);
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.headers['cache-control']).toBe('no-store');
      expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decode(packed))).toEqual(JSON.parse(text));
    }
  });

  it('leaves small answers and errors below the threshold uncompressed', async () => {
    const me = await get(q('auth.me', undefined), { 'accept-encoding': 'gzip, br' });
    expect(me.body.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(me.body.toString('utf8'))).toBeTruthy();
    const refused = await get(overview, { 'accept-encoding': 'gzip, br' });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toHaveProperty('error');
  });

  it('sends live updates as an uncompressed event stream whose first event arrives before the stream ends', async () => {
    const path = q('live.onChange', { trialId: 'pump-iii' });
    const first = await new Promise<{ headers: http.IncomingHttpHeaders; text: string }>(
      (resolve, reject) => {
        const req = http.get(
          `${s.url}${path}`,
          { headers: { cookie: pi, accept: 'text/event-stream', 'accept-encoding': 'gzip, br' } },
          (res) => {
            res.once('data', (c: Buffer) => {
              resolve({ headers: res.headers, text: c.toString('utf8') });
              req.destroy();
            });
            res.on('error', () => undefined);
          },
        );
        req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      },
    );
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.text).toMatch(/^(event|data|id|retry|:)/m);
  });
});
