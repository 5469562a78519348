// Full-disk check: the server's SQLite database lives on a small tmpfs (made and removed here); while
// coordinators include, the disk is filled to the last byte with a ballast file. Writes must then be
// refused with 503 and words (English and Dutch), never a 500 or a crash; reads (lists, the overview, the
// audit check) go on; once the ballast is removed the same writes succeed again without a restart. After a
// clean stop every acknowledged inclusion is stored, nothing is half-written (every participant has its
// inclusion audit row, study IDs stay gap-free), PRAGMA integrity_check is ok and the audit chain verifies.
//
// Why a real filesystem and not PRAGMA max_page_count: the limit must hit every file SQLite writes (the
// WAL, its index, the lock file), as a full disk does, and "space returns" must be an operator freeing
// space, not a setting inside the server. The API test (packages/api/test/storage-full.int.test.ts) covers
// the same answers on both engines with a size-limited database. Mounting needs root (CAP_SYS_ADMIN): where
// that is missing the check says so and does not run. Bounded (< 30 s), 127.0.0.1 only, stops by itself.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { openSqlite } from '@trialdesk/db';
import { startServer, type RunningServer } from '../lib/server.js';
import { atFailure, call, checkAcknowledgedInclusions, fail, freshDemoFile, inclusion } from './common.js';

const PORT = 3916;
const scriptStarted = Date.now();
const { dir, file: seeded } = await freshDemoFile('full-disk');
const mount = path.join(dir, 'disk');
mkdirSync(mount);
// Room for the demo database and a little growth; the ballast takes whatever is left.
const sizeKb = Math.ceil(statSync(seeded).size / 1024) + 16 * 1024;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', mount], {
    stdio: 'pipe',
  });
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `full-disk check: not run (a tmpfs cannot be mounted here: ${String((error as Error).message).split('\n')[0]}; it needs root, as in CI)`,
  );
  process.exit(0);
}
let server: RunningServer | null = null;
const cleanUp = () => {
  server?.process.kill('SIGKILL');
  try {
    execFileSync('umount', ['-l', mount], { stdio: 'pipe' });
  } catch {
    // not mounted (any more)
  }
  rmSync(dir, { recursive: true, force: true });
};
atFailure(cleanUp);

const file = path.join(mount, 'trialdesk.sqlite');
copyFileSync(seeded, file);
const ballast = path.join(mount, 'ballast');
const acknowledged = new Set<string>();
let attempts = 0;

/** One inclusion; its answer, with the acknowledged study ID remembered. */
async function include(cookie: string, lang: 'en' | 'nl' = 'en') {
  attempts += 1;
  const res = await fetch(`${server!.url}/trpc/entry.inclusion.include`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-trialdesk-lang': lang },
    body: JSON.stringify(inclusion(attempts, 'EMC')),
  });
  const body = (await res.json()) as { result?: { data: { studyId: string } }; error?: { message: string } };
  if (res.status === 200) acknowledged.add(body.result!.data.studyId);
  else if (res.status !== 503) fail(`an inclusion answered ${res.status}: ${body.error?.message}`);
  return { status: res.status, message: body.error?.message ?? '' };
}

/** Writes zeros until the filesystem has no byte left. */
function fillDisk(): number {
  const fd = openSync(ballast, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // The last bytes of a page that did not fit whole.
  try {
    for (;;) written += writeSync(fd, Buffer.alloc(512));
  } catch {
    // full
  }
  closeSync(fd);
  return written;
}

const started = Date.now();
server = await startServer(file, PORT);
const admin = await server.login('admin', 'trialdesk-demo');
const raised = await call(
  server.url,
  'trials.setTarget',
  { trialId: 'artery-2', target: 100000, reason: 'Full-disk check: room for inclusions' },
  admin,
);
if (raised.status !== 200) fail(`could not raise the target: ${raised.status} ${raised.error?.message}`);
const coord = await server.login('coord-emc', 'trialdesk-demo');
const pi = await server.login('pi', 'trialdesk-demo');
const WARM_UP = 3;
for (let i = 0; i < WARM_UP; i += 1)
  if ((await include(coord)).status !== 200) fail('an inclusion was refused before the disk was full');

const ballastBytes = fillDisk();
// Writes that still fit in space SQLite holds already (its write-ahead log) may succeed: each is
// acknowledged and must survive. The first refusal must come, and be a 503 in words.
let refusal: { status: number; message: string } | null = null;
for (let i = 0; i < 500 && !refusal && Date.now() - started < 20_000; i += 1) {
  const res = await include(coord);
  if (res.status === 503) refusal = res;
}
if (!refusal) fail('the disk is full, but no write was refused');
const acknowledgedWhenFull = acknowledged.size;
if (!/run out of disk space, so nothing was saved/.test(refusal.message))
  fail(`the refusal does not say why: ${refusal.message}`);
const dutch = await include(coord, 'nl');
if (dutch.status !== 503 || !/schijf van de database is vol/.test(dutch.message))
  fail(`the Dutch refusal: ${dutch.status} ${dutch.message}`);
let refusedWhileFull = 2;
for (let i = 0; i < 5; i += 1) if ((await include(coord)).status === 503) refusedWhileFull += 1;

// Reads go on.
for (const [procedure, input] of [
  ['participants.list', { trialId: 'artery-2', pageSize: 5 }],
  ['overview.get', { trialId: 'artery-2' }],
  ['audit.verify', undefined],
] as const) {
  const res = await call(server.url, procedure, input, procedure === 'audit.verify' ? admin : pi, 'GET');
  if (res.status !== 200)
    fail(`${procedure} answered ${res.status} while the disk was full: ${res.error?.message}`);
  if (procedure === 'audit.verify' && !(res.data as { ok: boolean }).ok)
    fail('the audit chain does not verify while the disk is full');
}

// Space returns: the server writes again, without a restart.
unlinkSync(ballast);
let recovered = false;
for (let i = 0; i < 20 && !recovered; i += 1) {
  recovered = (await include(coord)).status === 200;
  if (!recovered) await new Promise((r) => setTimeout(r, 100));
}
if (!recovered) fail('writes were still refused after the ballast was removed');
for (let i = 0; i < 3; i += 1)
  if ((await include(coord)).status !== 200) fail('a write was refused after space returned');

await server.stop();
server = null;
const open = openSqlite(file);
const check = await checkAcknowledgedInclusions(open.db, acknowledged);
await open.close();
const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s with the server, ${((Date.now() - scriptStarted) / 1000).toFixed(1)} s in all`;
cleanUp();
console.log(
  `full-disk check: tmpfs of ${(sizeKb / 1024).toFixed(0)} MB filled with ${(ballastBytes / 2 ** 20).toFixed(1)} MB of ballast; ${acknowledgedWhenFull - WARM_UP} inclusions still fitted, then ${refusedWhileFull} refused with 503 (English and Dutch words), reads served, writes again once space returned; ${acknowledged.size} acknowledged in all, ${check.stored} ARTERY-2 participants stored; ${seconds}`,
);
console.log(`  ${check.summary}`);
if (!check.ok) fail('the full disk lost or broke acknowledged writes');
console.log('full-disk check passed');
