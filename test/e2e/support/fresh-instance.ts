// A second server of its own for a journey that changes what the shared demo's other specs count (an import
// adds participants): the built server on a fresh SQLite file, on the shared port + 1000, stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

export const FRESH_PORT = Number(process.env.E2E_PORT ?? 3210) + 1000;
export const FRESH_URL = `http://localhost:${FRESH_PORT}`;

export interface FreshInstance {
  stop(): Promise<void>;
}

/** Starts the instance with `env` (DEMO_AS_OF, …) and waits until it answers /healthz. */
export async function startFreshInstance(name: string, env: Record<string, string>): Promise<FreshInstance> {
  const file = `test-results/e2e-${name}.sqlite`;
  mkdirSync('test-results', { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // Always its own SQLite file, whatever database the shared server was given.
  delete inherited.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['apps/server/dist/main.js'], {
    stdio: 'inherit',
    env: {
      ...inherited,
      DATABASE_FILE: file,
      DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(FRESH_PORT),
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Seeding and start-up take seconds on a busy machine; the bound is generous, never the test's verdict.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The ${name} server exited with ${child.exitCode}`);
    const up = await fetch(`${FRESH_URL}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The ${name} server did not answer on ${FRESH_URL} within two minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
