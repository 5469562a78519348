// The ceiling any tRPC procedure can reach on this stack: a query that returns a constant (no session,
// no database, no middleware of ours) on Express with the same tRPC adapter, against a plain Express
// JSON route, measured the same way as the overview. It separates the framework's own cost per request
// from Trialdesk's.
import type { AddressInfo } from 'node:net';
import { initTRPC } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import autocannon from 'autocannon';
import express from 'express';
import { round } from './stats.js';

export async function trpcFloor(connections = 10, seconds = 6) {
  const t = initTRPC.create();
  const router = t.router({ constant: t.procedure.query(() => ({ pong: true })) });
  const app = express();
  app.get('/ping', (_req, res) => {
    res.json({ pong: true });
  });
  app.use('/trpc', express.json(), createExpressMiddleware({ router }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rps = async (path: string) =>
    (await autocannon({ url: base + path, connections, duration: seconds })).requests.average;
  try {
    await rps('/trpc/constant');
    const ping = await rps('/ping');
    const constant = await rps('/trpc/constant');
    return { ratio: round(constant / ping, 3), trpcConstantRps: round(constant), staticRps: round(ping) };
  } finally {
    server.close();
  }
}
