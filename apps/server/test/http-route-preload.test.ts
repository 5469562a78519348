// Issue 17 (first paint): the overview's URL gets the app shell with the overview's own chunks announced as
// module preloads, so the browser fetches them while the entry script runs; other URLs get the shell as
// built. Only the page's own chunks: not the entry's (index.html loads those), not its lazy charts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

const SHELL =
  '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-A.js"></script>' +
  '<link rel="modulepreload" crossorigin href="/assets/shared-B.js"></head><body><div id="root"></div></body></html>';
const MANIFEST = {
  'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_shared-B.js'] },
  '_shared-B.js': { file: 'assets/shared-B.js' },
  'src/features/overview/overview-page.tsx': {
    file: 'assets/overview-page-C.js',
    isDynamicEntry: true,
    imports: ['_shared-B.js', '_grid-D.js', 'index.html'],
    dynamicImports: ['src/features/overview/charts.tsx'],
    css: ['assets/overview-page-E.css'],
  },
  '_grid-D.js': { file: 'assets/grid-D.js', imports: ['_tooltip-G.js'] },
  '_tooltip-G.js': { file: 'assets/tooltip-G.js' },
  'src/features/overview/charts.tsx': { file: 'assets/charts-F.js', isDynamicEntry: true },
};

let s: TestServer;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-web-'));
  fs.mkdirSync(path.join(webDist, '.vite'), { recursive: true });
  fs.writeFileSync(path.join(webDist, 'index.html'), SHELL);
  fs.writeFileSync(path.join(webDist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  s = await startServer({ webDist, seed: false });
});
afterAll(async () => {
  await s.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const preloads = (html: string) =>
  [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]);

describe('the app shell', () => {
  it("announces the overview's own chunks and styles on the overview's URL", async () => {
    for (const url of ['/trials/pump-iii', '/trials/artery-2/']) {
      const res = await fetch(s.url + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      // The overview's URL may carry a member's headline (http-overview-headline.test.ts): never kept.
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(preloads(html).sort()).toEqual(
        [
          '/assets/grid-D.js',
          '/assets/overview-page-C.js',
          '/assets/overview-page-E.css',
          '/assets/shared-B.js',
          '/assets/tooltip-G.js',
        ].sort(),
      );
      // The entry's shared chunk once (as built), the lazy charts not at all.
      expect(html.match(/shared-B\.js/g)).toHaveLength(1);
      expect(html).not.toContain('charts-F.js');
      expect(html).toContain(
        '<link rel="preload" as="style" crossorigin href="/assets/overview-page-E.css">',
      );
    }
  });

  it('is served as built on every other URL', async () => {
    for (const url of ['/', '/login', '/trials/pump-iii/participants', '/trials/PUMP III'])
      expect(await (await fetch(s.url + url)).text()).toBe(SHELL);
  });
});
