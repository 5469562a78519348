// The gzip size of the JavaScript the first page loads: the entry script and the modules it preloads,
// as named in the built index.html.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJsGzipKb(dist = 'apps/web/dist') {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]!);
  let bytes = 0;
  for (const f of files)
    bytes += gzipSync(readFileSync(path.join(dist, f.replace(/^\//, '')), { flag: 'r' }), {
      level: 9,
    }).length;
  return { kb: Math.round((bytes / 1024) * 10) / 10, files: [...files] };
}
