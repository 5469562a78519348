// Where the time of a V8 CPU profile goes, by kind of work: each sample is given to the innermost frame on
// its stack that belongs to a known kind (SQLite's own work, Kysely building or compiling a query, zod,
// tRPC, hashing and canonical JSON, eligibility, …), and the counts are turned into µs per operation.
// For the table of JavaScript costs per inclusion in bench/RESULTS.md ("Session 6: writes"):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/inclusion-profile.ts 300
//   node --import tsx bench/profile-costs.ts /tmp/prof/<main thread>.cpuprofile <operations> <from> <until>
// (inclusion-profile.ts prints the operations and the window of its measured loop.)
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, opsArg, fromArg, untilArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-costs.ts <file.cpuprofile> [operations] [from µs] [until µs]');
const ops = Number(opsArg ?? 1);
// The measured window (monotonic µs, as the profiler's clock and process.hrtime): start-up left out.
const from = Number(fromArg ?? -Infinity);
const until = Number(untilArg ?? Infinity);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** Kinds, tried on each frame from the innermost outwards; the first that matches takes the sample. */
const kinds: [string, (fn: string, url: string) => boolean][] = [
  ['idle (waiting for the CPU or the disk)', (fn) => fn === '(idle)'],
  ['garbage collector', (fn) => fn === '(garbage collector)'],
  // The native call shows as the self time of its JavaScript caller: Kysely's driver, or the timing
  // wrapper of bench/inclusion-profile.ts around each statement.
  [
    'SQLite (better-sqlite3 calls, commit included)',
    (fn, url) =>
      (url.includes('sqlite-driver') && fn === 'executeQuery') ||
      (url.includes('inclusion-profile') && (fn === 'value' || fn === '')),
  ],
  ['module loading (start-up only)', (_, url) => url.startsWith('node:internal/modules')],
  ['Kysely: compiling SQL', (_, url) => url.includes('kysely/dist/esm/query-compiler')],
  [
    'Kysely: building the query',
    (_, url) => /kysely\/dist\/esm\/(parser|operation-node|query-builder|expression|util)/.test(url),
  ],
  ['Kysely: executor, connection, transaction', (_, url) => url.includes('kysely/')],
  ['zod (input, audit event and entry)', (_, url) => url.includes('/zod/')],
  ['tRPC', (_, url) => url.includes('@trpc/')],
  [
    'SHA-256 and canonical JSON (audit)',
    (fn, url) =>
      url.startsWith('node:internal/crypto') ||
      fn === 'canonicalJson' ||
      fn === 'hashAuditRow' ||
      fn === 'contentOf',
  ],
  ['eligibility', (_, url) => /domain\/src\/(eligibility|criteria)/.test(url)],
  ['session and request context', (fn) => fn === 'createContext' || /session/i.test(fn)],
  ['messages and dates (domain)', (_, url) => /domain\/src\/(message|dates|i18n)/.test(url)],
  ['db package (repositories, audit, engine)', (_, url) => url.includes('packages/db/src')],
  ['api package (use cases, access)', (_, url) => url.includes('packages/api/src')],
  ['domain package (other)', (_, url) => url.includes('packages/domain/src')],
  ['bench script', (_, url) => url.includes('/bench/')],
  ['node internals (promises, async hooks, …)', (_, url) => url.startsWith('node:')],
  ['V8 (program)', (fn) => fn === '(program)'],
];

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const kindOf = new Map<number, string>();
function classify(id: number): string {
  const known = kindOf.get(id);
  if (known) return known;
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url } = byId.get(at)!.callFrame;
    const kind = kinds.find(([, test]) => test(functionName, url));
    if (kind) {
      kindOf.set(id, kind[0]);
      return kind[0];
    }
  }
  kindOf.set(id, 'other');
  return 'other';
}

const micros = new Map<string, number>();
let total = 0;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  // timeDeltas[i] is the time since the previous sample: the next delta belongs to this sample.
  const dt = profile.timeDeltas[i + 1] ?? 0;
  if (at < from || at > until) return;
  const kind = classify(id);
  micros.set(kind, (micros.get(kind) ?? 0) + dt);
  total += dt;
});
console.log(`${(total / 1000).toFixed(0)} ms profiled; µs per operation over ${ops} operations`);
for (const [kind, us] of [...micros].sort((a, b) => b[1] - a[1]))
  console.log(
    `${(us / ops).toFixed(0).padStart(7)} µs  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${kind}`,
  );
