// Entry point: read the configuration, open and migrate the database (SQLite, or PostgreSQL when
// DATABASE_URL is set), seed the demo on first run, serve.
import fs from 'node:fs';
import path from 'node:path';
import { defaultAuthSettings, LiveBus, sweepAutoQueries } from '@trialdesk/api';
import { dateInZone } from '@trialdesk/domain';
import {
  backfillCycleTimings,
  isDatabaseEmpty,
  openDatabase,
  seedDemo,
  takeDatabaseLock,
  withAllCentres,
  type Db,
} from '@trialdesk/db';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { startMailJobs } from './mail-jobs.js';

async function main() {
  const config = loadConfig();
  if (config.database.engine === 'sqlite' && config.database.file !== ':memory:')
    fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  const fixed = config.FIXED_NOW ? new Date(config.FIXED_NOW) : null;
  const clock = fixed ? () => fixed : () => new Date();
  // Start-up work is every centre's (row-level security on PostgreSQL: centre-scope.ts).
  const seedIfEmpty = (db: Db) =>
    withAllCentres(db, async (all) => {
      // Pump visits recorded before their windows were stored (migration 009) get them now, once.
      const retimed = await backfillCycleTimings(all);
      if (retimed > 0) console.log(`Stored the cycle windows of ${retimed} participants.`);
      if (!config.DEMO || !(await isDatabaseEmpty(all))) return;
      const asOf = config.DEMO_AS_OF ?? dateInZone(clock());
      console.log(`Empty database: loading the synthetic demo (as of ${asOf})…`);
      await seedDemo(all, { asOf, now: clock().toISOString() });
    });
  const file = config.database.engine === 'sqlite' ? config.database.file : null;
  // Held for as long as this process runs (released by the kernel however it ends): a restore refuses
  // while it is held, and a second server on the same SQLite file refuses to start (server-lock.ts).
  const releaseLock =
    file === null || file === ':memory:' ? () => undefined : takeDatabaseLock(file, 'serve');
  // Migrations and the demo seed run under one start-up lock: of several instances starting together on
  // one PostgreSQL database, one migrates and seeds, the others wait and then find both done.
  const database = await openDatabase(config.database, {
    initialise: seedIfEmpty,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  // Live updates through the database's change channel: on PostgreSQL, an inclusion accepted by another
  // instance reaches the dashboards connected to this one.
  const live = await LiveBus.connect(database.db, database.channel);
  const { app } = createApp({
    db: database.db,
    clock,
    live,
    auth: {
      ...defaultAuthSettings,
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    },
    webDist: config.WEB_DIST,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    allowedOrigins: config.allowedOrigins,
    mailDelivery: config.SMTP_URL ? 'smtp' : 'outbox',
    overviewHeadline: config.OVERVIEW_HEADLINE,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    console.log(
      `Trialdesk is running on http://${host}:${config.PORT} (${database.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}: ${database.describe}${config.DEMO ? ', demo mode' : ''})`,
    );
  });
  const stopSweep = scheduleQuerySweep(database.db, clock, config.QUERY_SWEEP_MINUTES);
  const stopMailJobs = startMailJobs(database.db, clock, config);
  const shutdown = (signal: string) => {
    stopSweep();
    stopMailJobs();
    console.log(`${signal}: closing…`);
    server.close(() => {
      releaseLock();
      void live
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
    });
    // Open SSE streams keep connections alive; do not wait for them forever.
    setTimeout(() => {
      releaseLock();
      process.exit(0);
    }, 3000).unref();
    server.closeAllConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * The automatic queries' sweep: at start-up and then every `minutes`. A sweep that fails is logged and
 * tried again at the next tick; two instances sweeping at once open nothing twice (sweep-auto-queries.ts).
 */
function scheduleQuerySweep(db: Db, clock: () => Date, minutes: number): () => void {
  if (minutes === 0) return () => undefined;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    // Scheduled work spans every centre (row-level security on PostgreSQL: centre-scope.ts).
    withAllCentres(db, (all) => sweepAutoQueries({ db: all, clock }))
      .then((c) => {
        if (c.opened + c.closed + c.reopened > 0)
          console.log(`Automatic queries: ${c.opened} opened, ${c.closed} closed, ${c.reopened} reopened`);
      })
      .catch((error: unknown) => console.error('Automatic query sweep failed:', error))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
