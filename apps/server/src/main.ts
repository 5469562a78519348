// Entry point: read the configuration, open and migrate the database, seed the demo on first run, serve.
import fs from 'node:fs';
import path from 'node:path';
import { defaultAuthSettings } from '@trialdesk/api';
import { dateInZone } from '@trialdesk/domain';
import { isDatabaseEmpty, openDatabase, seedDemo, writeServerLock } from '@trialdesk/db';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

async function main() {
  const config = loadConfig();
  if (config.DATABASE_FILE !== ':memory:')
    fs.mkdirSync(path.dirname(config.DATABASE_FILE), { recursive: true });
  const fixed = config.FIXED_NOW ? new Date(config.FIXED_NOW) : null;
  const clock = fixed ? () => fixed : () => new Date();
  const database = openDatabase(config.DATABASE_FILE);
  // Tells a restore that this database is in use (removed on a clean exit; a stale one names a dead pid).
  const releaseLock =
    config.DATABASE_FILE === ':memory:' ? () => undefined : writeServerLock(config.DATABASE_FILE);
  if (config.DEMO && (await isDatabaseEmpty(database.db))) {
    const asOf = config.DEMO_AS_OF ?? dateInZone(clock());
    console.log(`Empty database: loading the synthetic demo (as of ${asOf})…`);
    await seedDemo(database.db, { asOf, now: clock().toISOString() });
  }
  const { app } = createApp({
    db: database.db,
    clock,
    auth: {
      ...defaultAuthSettings,
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    },
    webDist: config.WEB_DIST,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    allowedOrigins: config.allowedOrigins,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    console.log(
      `Trialdesk is running on http://${host}:${config.PORT} (database: ${config.DATABASE_FILE}${config.DEMO ? ', demo mode' : ''})`,
    );
  });
  const shutdown = (signal: string) => {
    console.log(`${signal}: closing…`);
    server.close(() => {
      releaseLock();
      void database.close().then(() => process.exit(0));
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
