// The Express host: security headers, /healthz, /trpc, and the built web app. createApp takes its
// dependencies so that tests and benchmarks build it on their own database and clock.
import fs from 'node:fs';
import path from 'node:path';
import {
  appRouter,
  createContext,
  LiveBus,
  resolveSession,
  SESSION_COOKIE,
  VersionedCache,
  type AuthSettings,
} from '@trialdesk/api';
import { can } from '@trialdesk/domain';
import type { Db } from '@trialdesk/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { compressJson } from './compress.js';
import { expressCookieJar, parseCookies } from './cookies.js';
import { fhirRouter } from './fhir-route.js';
import { trpcJsonBody } from './json-body.js';
import { headlineFor, headlineHtml, overviewTrialId, shellWithHeadline } from './overview-headline.js';
import { shellFor } from './route-preload.js';
import {
  limitJsonDepth,
  noStore,
  requireSameOriginJson,
  requireWellFormedText,
  securityHeaders,
  trustProxySetting,
} from './security.js';

export interface AppDeps {
  db: Db;
  clock: () => Date;
  live?: LiveBus;
  auth: AuthSettings;
  webDist?: string | null;
  cookieSecure: 'auto' | 'true' | 'false';
  trustProxy?: string;
  allowedOrigins?: string[];
  /** Largest JSON body accepted, in bytes (the import procedures take a file: json-body.ts). */
  bodyLimit?: number;
  /** 'smtp' when SMTP_URL is set; otherwise mails stay in the outbox for the administrator (demo mode). */
  mailDelivery?: 'smtp' | 'outbox';
  /** The overview's headline in the shell's HTML for a member (default on; off: the shell as built). */
  overviewHeadline?: boolean;
}

export function createApp(deps: AppDeps) {
  const app = express();
  const live = deps.live ?? new LiveBus();
  const cache = new VersionedCache();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (deps.trustProxy) app.set('trust proxy', trustProxySetting(deps.trustProxy));
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', time: deps.clock().toISOString() });
  });
  /** A trivial JSON answer, the baseline the benchmark compares the overview with. */
  app.get('/ping', (_req, res) => {
    res.json({ pong: true });
  });

  app.use('/fhir/R4', fhirRouter({ db: deps.db, clock: deps.clock, cache }));

  app.use(
    '/trpc',
    noStore,
    compressJson,
    requireSameOriginJson(deps.allowedOrigins ?? []),
    trpcJsonBody(deps.bodyLimit ?? 100_000, async (req) => {
      // Only a live session (never a token: tokens cannot write) of an account that may import.
      const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      const user = await resolveSession(deps.db, token, deps.clock(), deps.auth);
      return user !== null && !user.mustChangePassword && can(user.role, 'data:import');
    }),
    limitJsonDepth,
    requireWellFormedText,
    createExpressMiddleware({
      router: appRouter,
      // One request may carry many calls; a cap keeps one request from costing the server a thousand.
      maxBatchSize: 100,
      createContext: ({ req, res }) =>
        createContext({
          db: deps.db,
          clock: deps.clock,
          live,
          cache,
          auth: deps.auth,
          cookies: expressCookieJar(
            req,
            res,
            deps.cookieSecure === 'true' || (deps.cookieSecure === 'auto' && req.secure),
          ),
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
          lang: req.get('x-trialdesk-lang') ?? null,
          authorization: req.get('authorization') ?? null,
          mailDelivery: deps.mailDelivery ?? 'outbox',
        }),
      onError: ({ error, path: procedure }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`[trpc] ${procedure ?? '?'}:`, error.cause ?? error);
      },
    }),
  );

  const webDist = deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html')) ? deps.webDist : null;
  if (webDist) {
    app.use(
      '/assets',
      express.static(path.join(webDist, 'assets'), {
        immutable: true,
        maxAge: '1y',
        index: false,
        fallthrough: false,
      }),
    );
    app.use(express.static(webDist, { index: false, maxAge: 0 }));
    // Client-side routes: every other GET gets the app shell (with the landing page's chunks preloaded).
    const shell = shellFor(webDist);
    const headlines = deps.overviewHeadline ?? true;
    app.get(/^\/(?!trpc|assets|healthz|fhir\/).*/, (req, res, next) => {
      const trialId = headlines ? overviewTrialId(req.path) : null;
      if (trialId === null) {
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(shell(req.path));
        return;
      }
      // A trial's overview: the headline for a member (overview-headline.ts), the plain shell for anyone
      // else. Either way no copy may be kept: the page may carry a trial's figures.
      res.setHeader('Cache-Control', 'no-store');
      headlineFor({ ...deps, live, cache }, req, trialId)
        .then((found) => {
          const html = shell(req.path);
          res.type('html').send(found ? shellWithHeadline(html, found.lang, headlineHtml(found)) : html);
        })
        .catch(next);
    });
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { message: 'Not found.', key: 'http.not_found' } });
  });
  // Body-parser and other errors: a clear 4xx, never a stack trace.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { status?: unknown; type?: unknown; statusCode?: unknown };
    const given = typeof e.status === 'number' ? e.status : e.statusCode;
    const status = typeof given === 'number' && given >= 400 && given <= 599 ? given : 500;
    const message =
      e.type === 'encoding.unicode'
        ? 'The request body is not valid UTF-8. Nothing was saved.'
        : e.type === 'entity.too.large'
          ? 'The request body is too large.'
          : e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : status === 404
              ? 'Not found.'
              : status < 500
                ? 'The request could not be read.'
                : 'Something went wrong on the server. Nothing was saved.';
    if (status >= 500) console.error('[http]', err);
    res.setHeader('Cache-Control', 'no-store');
    const key = e.type === 'encoding.unicode' ? 'http.unicode' : `http.${status}`;
    res.status(status).json({ error: { message, key } });
  });
  return { app, live };
}
