// The write measurement alone (bench/lib/writes.ts): inclusions through the API against raw inserts of the
// same rows, on a copy of the demo, with the load average beside it (the machine is shared).
// `node --import tsx bench/writes.ts [n]`
import { loadavg } from 'node:os';
import { demoDatabase } from './lib/databases.js';
import { inclusionWrites } from './lib/writes.js';

const n = Number(process.argv[2] ?? 1000);
const demo = await demoDatabase();
const loadBefore = loadavg()[0]!;
const result = await inclusionWrites(demo, n);
console.log(JSON.stringify({ ...result, n, load: [round(loadBefore), round(loadavg()[0]!)] }));

function round(x: number) {
  return Math.round(x * 10) / 10;
}
