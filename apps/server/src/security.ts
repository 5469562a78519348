// HTTP hardening: security headers with a strict CSP, and the rule that state changes arrive only as
// same-origin POSTs with a JSON body.
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { findIllFormedText } from '@trialdesk/domain';
import type { NextFunction, Request, Response } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Charts and the component library set style attributes; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}

/**
 * Mutations must be POSTs with a JSON body, and when the browser names an origin it must be ours (or an
 * allowed one). A cross-site form can send neither JSON nor a matching Origin, which closes CSRF on top
 * of the SameSite cookie.
 */
export function requireSameOriginJson(allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (req.method !== 'POST') {
      res.status(405).json({ error: { message: 'Only GET and POST are accepted.', key: 'http.method' } });
      return;
    }
    // Fetch metadata, where the browser sends it, is a second opinion that no page can forge.
    if (req.get('sec-fetch-site') === 'cross-site') {
      res
        .status(403)
        .json({ error: { message: 'Requests from another site are refused.', key: 'http.origin' } });
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.get('host') ?? ''}`;
      if (origin !== own && !allowedOrigins.includes(origin)) {
        res
          .status(403)
          .json({ error: { message: 'Requests from another site are refused.', key: 'http.origin' } });
        return;
      }
    }
    if (!req.is('application/json')) {
      res.status(415).json({
        error: {
          message: 'Send the request body as JSON (Content-Type: application/json).',
          key: 'http.content_type',
        },
      });
      return;
    }
    next();
  };
}

/** API answers carry personal and clinical data: no browser or proxy may keep a copy. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Deeper than any input the API takes; real inputs nest three or four levels. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, measured without recursion (so it cannot overflow). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses request bodies nested deeper than MAX_JSON_DEPTH. Later layers walk a body recursively (the tRPC
 * adapter serialises it again), and a body of a few kilobytes of brackets would exhaust their stack.
 */
export function limitJsonDepth(req: Request, res: Response, next: NextFunction): void {
  if (jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    res.status(400).json({
      error: {
        message: `The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`,
        key: 'http.too_deep',
      },
    });
    return;
  }
  next();
}

/**
 * TRUST_PROXY as Express takes it: 'true' trusts every hop, a number that many hops, anything else is a
 * list of addresses or names ('loopback', '10.0.0.1'). Prefer the narrowest: the client address read from
 * X-Forwarded-For is what the per-address login limit counts, and a trusted hop can set it to anything.
 */
export function trustProxySetting(value: string): boolean | number | string {
  const v = value.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** What the server answers for text that is not well-formed Unicode, wherever in the request it is. */
function refuseIllFormed(res: Response, where: string): void {
  res.status(400).json({
    error: {
      message: `The request holds text that is not valid Unicode (${where}): invalid UTF-8 bytes or an unpaired UTF-16 surrogate such as \\ud800. Nothing was saved.`,
      key: 'http.unicode',
    },
  });
}

/**
 * express.json's `verify`: a body that is not valid UTF-8 is refused, where the parser would otherwise put
 * U+FFFD in place of the bad bytes and store text that differs from what was sent.
 */
export function verifyUtf8Body(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body))
    throw Object.assign(new Error('The request body is not valid UTF-8.'), {
      status: 400,
      type: 'encoding.unicode',
    });
}

/** Each query parameter, decoded as the tRPC adapter will decode it; null when one is not valid text. */
function illFormedQuery(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  for (const part of url.slice(q + 1).split('&')) {
    const [name = '', value = ''] = part.split('=', 2);
    let decoded: string;
    try {
      decoded = decodeURIComponent(value.replaceAll('+', ' '));
      if (!isWellFormedQueryText(decodeURIComponent(name.replaceAll('+', ' ')))) return 'query';
    } catch {
      return `query parameter ${name}`;
    }
    if (!isWellFormedQueryText(decoded)) return `query parameter ${name}`;
    // tRPC sends a GET's input as JSON in the query string, where "\ud800" is a lone surrogate once parsed.
    if (name === 'input') {
      try {
        const at = findIllFormedText(JSON.parse(decoded));
        if (at !== null) return `input ${at}`;
      } catch {
        // Not JSON: tRPC answers that itself.
      }
    }
  }
  return null;
}

const isWellFormedQueryText = (text: string) => findIllFormedText(text) === null;

/**
 * Every string of every request to the API is well-formed Unicode: the parsed JSON body (values and keys)
 * and every query parameter. Checked before any procedure runs; the procedures check their raw input again
 * (packages/api/src/trpc.ts) for callers that do not come over HTTP.
 */
export function requireWellFormedText(req: Request, res: Response, next: NextFunction): void {
  const inQuery = illFormedQuery(req.originalUrl);
  if (inQuery !== null) return refuseIllFormed(res, inQuery);
  const inBody = findIllFormedText(req.body);
  if (inBody !== null) return refuseIllFormed(res, `body ${inBody}`);
  next();
}
