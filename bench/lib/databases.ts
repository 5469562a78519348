// The databases the benchmark runs on: the demo (45 participants) and large synthetic trials, generated
// once into bench/.work/ and reused, each with a benchmark account.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  DEMO_PASSWORD,
  findMembership,
  findUserByUsername,
  hashPassword,
  insertMembership,
  insertUser,
  isDatabaseEmpty,
  openSqlite,
  seedDemo,
} from '@trialdesk/db';
import { buildLargeTrial } from '../large-trial.js';

export const WORK = path.resolve('bench/.work');
export const BENCH_USER = 'bench-pi';
export const BENCH_PASSWORD = 'bench-password-0000';
export const AS_OF = '2026-11-26';

export interface BenchDatabase {
  size: number;
  file: string;
  trialId: string;
}

/** The benchmark's PI account, a member of the trial it measures (access is a trial membership). */
async function ensureUser(file: string, trialId: string): Promise<void> {
  const { db, close } = openSqlite(file);
  const now = new Date().toISOString();
  let user = await findUserByUsername(db, BENCH_USER);
  if (!user) {
    await insertUser(
      db,
      {
        username: BENCH_USER,
        displayName: 'Benchmark PI',
        passwordHash: await hashPassword(BENCH_PASSWORD),
        role: 'pi',
        centre: null,
      },
      now,
    );
    user = await findUserByUsername(db, BENCH_USER);
  }
  if (user && !(await findMembership(db, user.id, trialId)))
    await insertMembership(db, { userId: user.id, trialId, role: 'pi', centre: null, createdBy: null }, now);
  await close();
}

export async function demoDatabase(): Promise<BenchDatabase> {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, 'demo.sqlite');
  const { db, close } = openSqlite(file);
  if (await isDatabaseEmpty(db)) await seedDemo(db, { asOf: AS_OF, now: `${AS_OF}T09:00:00.000Z` });
  await close();
  await ensureUser(file, 'pump-iii');
  void DEMO_PASSWORD;
  return { size: 45, file, trialId: 'pump-iii' };
}

export async function largeDatabase(participants: number, centres: number): Promise<BenchDatabase> {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `large-${participants}.sqlite`);
  const fresh = !existsSync(file);
  const started = performance.now();
  const { open, definition } = await buildLargeTrial(file, { centres, participants, years: 5, asOf: AS_OF });
  await open.close();
  if (fresh)
    console.log(
      `  generated ${participants} participants at ${centres} centres in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  await ensureUser(file, definition.id);
  return { size: participants, file, trialId: definition.id };
}
