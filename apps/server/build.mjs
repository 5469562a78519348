// Bundles the server and the workspace packages it uses into dist/, leaving to node_modules at run time
// the native module (better-sqlite3) and pdfkit, which loads its font metrics from its own folder.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'pdfkit'],
  // Bundled CommonJS dependencies (express) call require(); give ESM a require of its own.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
