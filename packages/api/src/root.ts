import { auditRouter } from './routers/audit/index.js';
import { authRouter } from './routers/auth/index.js';
import { committeeRouter } from './routers/committee/index.js';
import { entryRouter } from './routers/entry/index.js';
import { importsRouter } from './routers/imports/index.js';
import { followUpRouter } from './routers/follow-up/index.js';
import { liveRouter } from './routers/live/index.js';
import { notificationsRouter } from './routers/notifications/index.js';
import { overviewRouter } from './routers/overview/index.js';
import { participantsRouter } from './routers/participants/index.js';
import { queriesRouter } from './routers/queries/index.js';
import { sdvRouter } from './routers/sdv/index.js';
import { locksRouter } from './routers/locks/index.js';
import { signaturesRouter } from './routers/signatures/index.js';
import { tokensRouter } from './routers/tokens/index.js';
import { safetyRouter } from './routers/safety/index.js';
import { deviationsRouter } from './routers/deviations/index.js';
import { trialsRouter } from './routers/trials/index.js';
import { usersRouter } from './routers/users/index.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  trials: trialsRouter,
  overview: overviewRouter,
  participants: participantsRouter,
  followUp: followUpRouter,
  live: liveRouter,
  users: usersRouter,
  audit: auditRouter,
  committee: committeeRouter,
  entry: entryRouter,
  queries: queriesRouter,
  sdv: sdvRouter,
  locks: locksRouter,
  signatures: signaturesRouter,
  tokens: tokensRouter,
  safety: safetyRouter,
  deviations: deviationsRouter,
  notifications: notificationsRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
