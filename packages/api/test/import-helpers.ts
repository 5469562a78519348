// An empty Trialdesk instance for import tests: all migrations, the built-in trial definitions registered
// with no participant, and one administrator (the data manager) whose deps the import runs with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appendAuditEvent, insertTrial, insertUser, type Db, type OpenDatabase } from '@trialdesk/db';
import { openTestDatabase } from '@trialdesk/db/testing';
import { builtInTrials, type Role } from '@trialdesk/domain';
import { LiveBus } from '../src/live.js';
import type { UseCaseDeps } from '../src/use-cases/deps.js';

export const IMPORT_NOW = new Date('2026-11-26T10:00:00.000Z');

export function fixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)));
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixture(name).toString('utf8')) as unknown;
}

export interface EmptyInstance {
  open: OpenDatabase;
  db: Db;
  deps: (role?: Role, centre?: string | null) => UseCaseDeps;
  close: () => Promise<void>;
}

export async function emptyInstance(): Promise<EmptyInstance> {
  const open = await openTestDatabase({});
  const now = IMPORT_NOW.toISOString();
  const system = { userId: null, username: 'system', role: null, ip: null };
  for (const def of builtInTrials) {
    await insertTrial(open.db, def, true, now);
    await appendAuditEvent(open.db, system, now, {
      action: 'trial.registered',
      entityType: 'trial',
      entityId: def.id,
      trialId: def.id,
      centre: null,
      participant: null,
      before: null,
      after: { code: def.code, target: def.target },
      reason: null,
    });
  }
  const id = await insertUser(
    open.db,
    { username: 'datamanager', displayName: 'Data Manager', passwordHash: 'x', role: 'admin', centre: null },
    now,
  );
  return {
    open,
    db: open.db,
    deps: (role = 'admin', centre = null) => ({
      db: open.db,
      clock: () => IMPORT_NOW,
      lang: 'en',
      live: new LiveBus(),
      actor: { id, username: 'datamanager', displayName: 'Data Manager', role, centre, ip: null },
    }),
    close: () => open.close(),
  };
}
