// The request side of the CookieJar the API uses: parses the Cookie header leniently (a malformed cookie
// is ignored, never an error) and writes HttpOnly, SameSite=Strict cookies, Secure when served over HTTPS.
// Strict suits a single-page app: the page itself is public, and every API call it makes is same-site, so
// the cookie is never needed on a navigation from another site.
import type { CookieJar, CookieOptions } from '@trialdesk/api';
import type { Request, Response } from 'express';

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header || header.length > 8192) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    // The first of two same-named cookies wins: browsers send the most specific (our own) first.
    if (out.has(name)) continue;
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      // A cookie that is not valid percent-encoding is not ours: skip it.
    }
  }
  return out;
}

export function expressCookieJar(req: Request, res: Response, secure: boolean): CookieJar {
  const cookies = parseCookies(req.headers.cookie);
  const base = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const append = (value: string) => res.append('Set-Cookie', value);
  return {
    get: (name) => cookies.get(name),
    set: (name, value, options?: CookieOptions) => {
      cookies.set(name, value);
      append(
        `${name}=${encodeURIComponent(value)}; ${base}${options?.maxAgeSeconds ? `; Max-Age=${options.maxAgeSeconds}` : ''}`,
      );
    },
    clear: (name) => {
      cookies.delete(name);
      append(`${name}=; ${base}; Max-Age=0`);
    },
  };
}
