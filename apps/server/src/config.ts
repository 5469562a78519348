// Configuration from the environment, read and validated once, in the entry point (never at import time).
import path from 'node:path';
import { databaseConfigFrom, isPostgresUrl, type DatabaseConfig } from '@trialdesk/db';
import { isIsoDate } from '@trialdesk/domain';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** SQLite file; created with its folder if missing. Used when DATABASE_URL is not set. */
  DATABASE_FILE: z.string().default('data/trialdesk.sqlite'),
  /** postgres://user:password@host:port/database selects PostgreSQL (several instances, one database). */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'DATABASE_URL must be a postgres:// or postgresql:// URL (unset for SQLite)')
    .optional(),
  /** PostgreSQL connections per pool (two pools per instance: all centres, one centre). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  /** Demo mode: on an empty database, load the built-in trials, demo accounts and synthetic cohorts. */
  DEMO: bool.default(true),
  /** The as-of date of the synthetic cohort (default: today in Amsterdam). */
  DEMO_AS_OF: z.string().refine(isIsoDate, 'DEMO_AS_OF must be YYYY-MM-DD').optional(),
  /** Built web app to serve; the server also runs without it (API only). */
  WEB_DIST: z.string().default('apps/web/dist'),
  /** 'auto' marks cookies Secure when the request came over HTTPS (directly or through a trusted proxy). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Express trust-proxy setting, e.g. 'loopback' behind a local reverse proxy. */
  TRUST_PROXY: z.string().optional(),
  /** Extra origins allowed to send mutations (comma-separated), besides the server's own. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Session limits. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /**
   * Minutes between sweeps of the automatic data queries (a visit becomes overdue with no write at all);
   * the first runs at start-up. 0 switches the sweep off.
   */
  QUERY_SWEEP_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  // The overview's headline in the page's HTML for a member (issue 17: first paint); false sends the shell
  // as built (the benchmark compares the two).
  OVERVIEW_HEADLINE: bool.default(true),
  /**
   * Mail: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Unset: demo mode, mails
   * are kept in the outbox for the administrator to read and nothing is sent.
   */
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//i.test(v), 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of every mail, e.g. "Trialdesk <trialdesk@hospital.nl>". */
  MAIL_FROM: z.string().min(3).default('Trialdesk <trialdesk@localhost>'),
  /** The address users reach Trialdesk at, for links in mails (e.g. https://trialdesk.hospital.nl). */
  APP_URL: z.url().optional(),
  /** Seconds between ticks of the scheduled work (weekly digest, mail delivery); 0 switches it off. */
  SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** A fixed clock for demos and browser tests (ISO instant); unset in production. */
  FIXED_NOW: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'FIXED_NOW must be an ISO instant')
    .optional(),
});

export type Config = z.infer<typeof configSchema> & { allowedOrigins: string[]; database: DatabaseConfig };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  const DATABASE_FILE = c.DATABASE_FILE === ':memory:' ? c.DATABASE_FILE : path.resolve(c.DATABASE_FILE);
  return {
    ...c,
    DATABASE_FILE,
    database: databaseConfigFrom({ DATABASE_URL: c.DATABASE_URL, DATABASE_FILE }),
    WEB_DIST: path.resolve(c.WEB_DIST),
    allowedOrigins: c.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
