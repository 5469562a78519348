// A stand-in for a server in another process: takes the database lock as a server does, says so, and
// holds it until it is killed (server-lock.int.test.ts).
import { takeDatabaseLock } from '../src/server-lock.js';

const file = process.argv[2];
if (!file) throw new Error('Usage: hold-lock.ts DATABASE_FILE');
try {
  takeDatabaseLock(file, 'serve');
  process.stdout.write('held\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
  process.exit(3);
}
