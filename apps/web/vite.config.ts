import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs as its own server; Vite proxies /trpc to it so that the session cookie
// stays same-origin. TRIALDESK_API_PORT picks that server's port (default 3000).
const apiPort = Number(process.env.TRIALDESK_API_PORT ?? 3000);

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': { target: `http://localhost:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets scripts/initial-js-size.mjs measure what the first load costs.
    manifest: true,
    // Initial JS must stay within 250 KB gzip: charts and feature pages are lazy chunks.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      treeshake: {
        // @trialdesk/domain is pure (no I/O, no global registration) but does not declare
        // "sideEffects": false, so all its modules (trial definitions, schedules…) would ride along with
        // the permission table the menu needs. Declaring it here keeps them out of the first load.
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
