// Backup check: while the server takes inclusions, `cli backup` copies the database online; the copy is
// restored into a new place with `cli restore`, and it must pass the same checks as after a crash
// (integrity, audit chain) and hold every inclusion acknowledged before the backup began.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../lib/server.js';
import { call, fail, freshDemoFile, inclusion } from './common.js';

const PORT = 3913;
const { dir, file } = await freshDemoFile('backup');
const server = await startServer(file, PORT);
const acknowledged: string[] = [];
let stop = false;
try {
  const admin = await server.login('admin', 'trialdesk-demo');
  await call(
    server.url,
    'trials.setTarget',
    { trialId: 'artery-2', target: 100000, reason: 'Backup check: room for inclusions' },
    admin,
  );
  const coord = await server.login('coord-emc', 'trialdesk-demo');
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stop && i < 10_000; i += 1) {
      const res = await call(server.url, 'entry.inclusion.include', inclusion(w * 10_000 + i, 'EMC'), coord);
      if (res.status !== 200) fail(`inclusion answered ${res.status}`);
      acknowledged.push((res.data as { studyId: string }).studyId);
    }
  });
  await new Promise((r) => setTimeout(r, 1000));
  const before = [...acknowledged];
  const backupFile = path.join(dir, 'backup.sqlite');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['apps/server/dist/cli.js', ...args], {
      env: { ...process.env, DATABASE_FILE: file },
      encoding: 'utf8',
    });
  const started = performance.now();
  console.log(cli('backup', backupFile).trim());
  const backupMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(writers);
  const restored = path.join(dir, 'restored.sqlite');
  console.log(
    execFileSync(process.execPath, ['apps/server/dist/cli.js', 'restore', backupFile], {
      env: { ...process.env, DATABASE_FILE: restored },
      encoding: 'utf8',
    }).trim(),
  );
  const sqlite = new Database(restored, { readonly: true });
  const ids = new Set(
    (sqlite.prepare('SELECT study_id FROM participants').all() as { study_id: string }[]).map(
      (r) => r.study_id,
    ),
  );
  const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
  sqlite.close();
  const missing = before.filter((id) => !ids.has(id));
  console.log(
    `backup check: online backup in ${backupMs.toFixed(0)} ms while ${acknowledged.length} inclusions were acknowledged in all; ${before.length} before the backup, ${missing.length} of them missing from the restored copy; integrity ${integrity}`,
  );
  if (missing.length > 0 || integrity !== 'ok')
    fail('the restored backup lacks acknowledged writes or is damaged');
  console.log('backup check passed');
} finally {
  stop = true;
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
