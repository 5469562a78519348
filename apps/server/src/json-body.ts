// The JSON body parser of /trpc. Every call is bounded small (the default 100 kB), except the import
// procedures, which carry a whole file as base64: their requests may hold the import's size limit in base64
// plus room for the mapping. Only a request naming import procedures alone gets the larger bound, so a
// batch cannot smuggle a large body past the small one.
import { MAX_IMPORT_BYTES } from '@trialdesk/api';
import express, { type NextFunction, type Request, type Response } from 'express';
import { verifyUtf8Body } from './security.js';

/** The import's largest file as base64, and 2 MB for the mapping and the JSON around them. */
export const IMPORT_BODY_LIMIT = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 2 * 1024 * 1024;

/** True when the procedures a /trpc request names (`/imports.dryRun`, or a batch `a,b`) are all imports. */
export function namesOnlyImports(path: string): boolean {
  let names: string[];
  try {
    names = decodeURIComponent(path.replace(/^\//, '')).split(',');
  } catch {
    return false;
  }
  return names.length > 0 && names.every((name) => /^imports\.[A-Za-z]+$/.test(name));
}

/**
 * `mayImport` says whether the request comes from someone who may import (a live session of the data
 * manager), read before the body: anyone else naming an import keeps the small bound, so a stranger, a
 * lapsed session or a coordinator cannot make the server read and parse tens of megabytes of JSON only to
 * be refused afterwards. They get 413 for a large body, and the procedure's own answer for a small one.
 */
export function trpcJsonBody(limit: number, mayImport: (req: Request) => Promise<boolean>) {
  const options = { strict: true, verify: verifyUtf8Body };
  const small = express.json({ ...options, limit });
  const large = express.json({ ...options, limit: Math.max(limit, IMPORT_BODY_LIMIT) });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!namesOnlyImports(req.path)) return small(req, res, next);
    mayImport(req).then((ok) => (ok ? large : small)(req, res, next), next);
  };
}
