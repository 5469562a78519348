// The top frames of a V8 CPU profile (node --cpu-prof), by self time and by total time, optionally only
// under frames whose function name matches a pattern:
//   node --import tsx bench/profile-top.ts /tmp/prof/x.cpuprofile [under-pattern] [rows=25]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const [file, under, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [under-pattern] [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[] };
const rows = Number(rowsArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules\/\.pnpm\/[^/]+\/node_modules\/|work\/[^/]+\/)/, '')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
const pattern = under ? new RegExp(under) : null;
let all = 0;
const walk = (id: number, inside: boolean, stack: Set<string>): number => {
  const n = byId.get(id)!;
  const key = name(n);
  const here = inside || (pattern !== null && pattern.test(n.callFrame.functionName));
  const counted = here || !pattern;
  if (counted) {
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    all += n.hitCount;
  }
  // Total time counts a recursive function once, at its outermost frame.
  const outermost = !stack.has(key);
  if (outermost) stack.add(key);
  let sum = counted ? n.hitCount : 0;
  for (const c of n.children ?? []) sum += walk(c, here, stack);
  if (outermost) {
    stack.delete(key);
    if (counted) total.set(key, (total.get(key) ?? 0) + sum);
  }
  return sum;
};
walk(profile.nodes[0]!.id, false, new Set());
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (${all} samples${under ? ` under /${under}/` : ''})`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${((100 * v) / all).toFixed(1).padStart(6)} %  ${k}`);
};
show('self time', self);
show('total time', total);
