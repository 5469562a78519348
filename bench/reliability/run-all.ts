// The reliability checks CI runs after the browser tests: crash (SQLite inclusions; corrections, voids,
// data cuts and backups; then PostgreSQL), full disk, backup, load. Each is a bounded script
// that stops by itself and exits non-zero on failure. Needs a build (pnpm build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('apps/server/dist/main.js')) {
  console.error('Build first: pnpm build');
  process.exit(2);
}
for (const check of ['crash', 'crash-records', 'crash-postgres', 'full-disk', 'backup', 'load']) {
  console.log(`\n== ${check} check`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/reliability/${check}.ts`], {
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    console.error(`${check} check failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log('\nall reliability checks passed');
