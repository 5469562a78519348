// Starts the built server for the browser tests on a fresh database with the demo as of a fixed date.
import { rmSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';

const file = 'test-results/e2e.sqlite';
mkdirSync('test-results', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_FILE: file, DEMO: 'true', DEMO_AS_OF: '2026-11-26', HOST: '127.0.0.1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
