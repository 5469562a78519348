// Largest contentful paint of the overview in headless Chromium (Debian's), each run in a fresh browser
// context (empty cache), logged in through the API, the page loaded and left to settle.
import { chromium } from '@playwright/test';
import { BENCH_PASSWORD, BENCH_USER, type BenchDatabase } from './databases.js';
import { startServer } from './server.js';
import { percentile, round } from './stats.js';

declare global {
  interface Window {
    __lcp?: number;
  }
}

export async function overviewLcp(target: BenchDatabase, port: number, runs = 5) {
  const server = await startServer(target.file, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const login = await context.request.post(`${server.url}/trpc/auth.login`, {
        data: { username: BENCH_USER, password: BENCH_PASSWORD },
      });
      if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${server.url}/trials/${target.trialId}`, { waitUntil: 'load' });
      // The overview has rendered its figures; give late paints a moment to be recorded.
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('domcontentloaded');
      await page.waitForTimeout(1500);
      const lcp = await page.evaluate(() => window.__lcp ?? 0);
      // The first run warms the server's cache and the JIT; it is not counted.
      if (i > 0) samples.push(lcp);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return {
    median: round(percentile(samples, 50)),
    max: round(Math.max(...samples)),
    samples: samples.map((s) => round(s)),
  };
}
