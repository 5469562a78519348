// The app shell with its landing page's code announced up front (issue 17: first paint). Users land on a
// trial's overview; its code is a lazy chunk (and some twenty small shared chunks) that the browser would
// only discover after the whole entry script had been fetched, parsed and run. For the overview's URL the
// shell names them as module preloads, so they are fetched and compiled while the entry script still runs.
// Only file names from the build's manifest are written into the page; nothing from the request.
import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Pages whose chunks ride along with the shell: the overview, at /trials/<id>. */
const PRELOADED: { pattern: RegExp; src: string }[] = [
  { pattern: /^\/trials\/[a-z0-9-]+\/?$/, src: 'src/features/overview/overview-page.tsx' },
];

/** Every chunk a manifest key needs, itself included (static imports only: dynamic ones stay lazy). */
function closure(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()) {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const i of manifest[key].imports ?? []) closure(manifest, i, into);
  return into;
}

/** The preload tags of one page: its chunks and styles that the entry does not already load. */
export function preloadTags(manifest: Record<string, ManifestChunk>, src: string): string {
  const entry = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(manifest, key, entry);
  const own = [...closure(manifest, src)].filter((k) => !entry.has(k)).map((k) => manifest[k]!);
  const safe = (file: string) => /^[\w./-]+$/.test(file);
  const scripts = own.map((c) => c.file).filter((f) => f.endsWith('.js') && safe(f));
  const styles = own.flatMap((c) => c.css ?? []).filter(safe);
  return [
    ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...styles.map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
  ].join('');
}

/**
 * The shell's HTML for a path: index.html as built, with the page's preloads for the paths listed above.
 * Read once at start-up. Without a manifest (a build without one) every path gets index.html as it is.
 */
export function shellFor(webDist: string): (urlPath: string) => string {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const manifestFile = path.join(webDist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile) || !html.includes('</head>')) return () => html;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const pages = PRELOADED.map((p) => ({
    pattern: p.pattern,
    html: html.replace('</head>', `${preloadTags(manifest, p.src)}</head>`),
  }));
  return (urlPath) => pages.find((p) => p.pattern.test(urlPath))?.html ?? html;
}
