// Runs the built server (apps/server/dist/main.js) as its own process on a database file, on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startServer(
  file: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  // SERVER_NODE_ARGS: flags for the server's Node, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile it
  // under a check's or a benchmark's load (the profile is written when the server stops).
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // SERVER_MAIN: another build of the server (e.g. main's, copied to apps/server/dist/old/main.js) to
  // compare with this one in the same run.
  const main = path.resolve(process.env.SERVER_MAIN ?? 'apps/server/dist/main.js');
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_FILE: file,
      DEMO: 'false',
      // The automatic-query sweep runs at start-up: on a 100 000-participant trial it opens and audits
      // queries for every overdue slot, which kept the server from answering /healthz within 60 s and
      // moves the data version under the measurement. Scheduled work is not what is measured here.
      QUERY_SWEEP_MINUTES: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A check that fails calls process.exit, which skips its finally blocks: without this the server would
  // outlive it, holding the check's fixed port (seen in the load check when it failed).
  const killOnExit = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    async login(username, password) {
      const res = await fetch(`${url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const cookie = res.headers.get('set-cookie');
      if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
      return cookie.split(';')[0]!;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
