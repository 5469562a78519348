// Prints how much JavaScript the browser loads first (gzip), from Vite's build manifest: the entry chunk
// and everything it imports statically. Lazy pages (dynamic imports) are listed separately; the budget
// of 250 KB gzip applies to the initial load. Run after `vite build`: node scripts/initial-js-size.mjs
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gzipKb = (file) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

function staticClosure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return [...seen];
}

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const initial = staticClosure(entries);
const initialKb = initial.reduce((sum, k) => sum + gzipKb(manifest[k].file), 0);
const jsChunks = Object.values(manifest).filter((c) => c.file.endsWith('.js'));

console.log(
  `Initial JS (entry + static imports): ${initial.length} chunk(s), ${initialKb.toFixed(1)} KB gzip`,
);
for (const k of initial) console.log(`  ${manifest[k].file}  ${gzipKb(manifest[k].file).toFixed(1)} KB`);
const lazy = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
for (const k of lazy) {
  const extra = staticClosure([k]).filter((x) => !initial.includes(x));
  const kb = extra.reduce((sum, x) => sum + gzipKb(manifest[x].file), 0);
  console.log(`Lazy ${k}: +${kb.toFixed(1)} KB gzip (${extra.length} chunk(s))`);
}
console.log(`JS chunks in total: ${jsChunks.length}`);
if (initialKb > BUDGET_KB) {
  console.error(`Initial JS ${initialKb.toFixed(1)} KB exceeds the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
