// Compression of the API's JSON answers (issue 17: the overview of a 200-centre trial is about 100 KB).
// Negotiated from Accept-Encoding: brotli where the client takes it at least as gladly as gzip, else gzip,
// else none. Only answers of COMPRESS_MIN_BYTES or more: below that the headers and the CPU cost more
// than the bytes saved. tRPC's batch link receives each answer whole, so the answer is gathered to its
// end and its size is known before choosing; compression runs on libuv's thread pool, off the event
// loop. A server-sent-event stream (live updates) passes straight through, neither gathered nor
// compressed, so each event reaches the browser as soon as it is written.
import zlib from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

export const COMPRESS_MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3), or null for none. */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const given = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = given === undefined ? 1 : Number(given.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

function compress(body: Buffer, encoding: Encoding, done: (err: Error | null, out: Buffer) => void) {
  if (encoding === 'gzip') zlib.gzip(body, { level: 6 }, done);
  else
    zlib.brotliCompress(
      body,
      {
        params: {
          // Quality 4: about gzip's speed with a smaller result; 11 (the default) costs tens of ms.
          [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      },
      done,
    );
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

type Callback = (error?: Error | null) => void;
const callbackOf = (...args: unknown[]) => args.find((a): a is Callback => typeof a === 'function');

export function compressJson(req: Request, res: Response, next: NextFunction): void {
  const encoding = req.method === 'HEAD' ? null : pickEncoding(req.get('accept-encoding'));
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let chunks: Buffer[] | null = null;
  let passThrough = false;
  let ended = false;
  const decide = () => {
    if (chunks !== null || passThrough) return;
    const type = String(res.getHeader('content-type') ?? '');
    passThrough =
      res.headersSent || type.startsWith('text/event-stream') || res.hasHeader('content-encoding');
    if (!passThrough) chunks = [];
  };

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (passThrough || chunks === null) return write(chunk, ...rest);
    chunks.push(toBuffer(chunk, rest[0]));
    const cb = callbackOf(...rest);
    if (cb) process.nextTick(cb);
    return true;
  }) as Response['write'];

  res.end = ((...args: unknown[]) => {
    decide();
    if (passThrough || chunks === null) return end(...args);
    if (ended) return res;
    ended = true;
    const [chunk] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
      chunks.push(toBuffer(chunk, args[1]));
    const cb = callbackOf(...args);
    const body = Buffer.concat(chunks);
    chunks = [];
    const vary = res.getHeader('vary');
    res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    const bodyless = res.statusCode === 204 || res.statusCode === 304;
    if (encoding === null || bodyless || body.length < COMPRESS_MIN_BYTES) {
      if (!bodyless) res.setHeader('Content-Length', body.length);
      return end(body, cb);
    }
    compress(body, encoding, (err, out) => {
      if (err) {
        res.setHeader('Content-Length', body.length);
        end(body, cb);
        return;
      }
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', out.length);
      end(out, cb);
    });
    return res;
  }) as Response['end'];
  next();
}
