// Load check: 50 connections for 30 s on 127.0.0.1, mixing reads and writes as several roles, against the
// built server on a fresh demo database. It must end with zero errors and zero non-2xx answers; prints
// throughput and p50/p99 latency. Bounded by its duration; stops by itself.
import { rmSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { startServer } from '../lib/server.js';
import { call, fail, freshDemoFile, inclusion } from './common.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORT = 3912;

const { dir, file } = await freshDemoFile('load');
const server = await startServer(file, PORT);
try {
  const login = (u: string) => server.login(u, 'trialdesk-demo');
  const [admin, pi, emc, avl, ijs, steering, monitor] = await Promise.all(
    ['admin', 'pi', 'coord-emc', 'coord-avl', 'coord-ijsselland', 'steering', 'monitor'].map(login),
  );
  const raised = await call(
    server.url,
    'trials.setTarget',
    { trialId: 'artery-2', target: 100000, reason: 'Load check: room for inclusions' },
    admin,
  );
  if (raised.status !== 200) fail(`could not raise the target: ${raised.status}`);
  const q = (procedure: string, input: unknown) =>
    `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const json = { 'content-type': 'application/json' };
  let n = 0;
  const requests: autocannon.Request[] = [
    { method: 'GET', path: q('overview.get', { trialId: 'pump-iii' }), headers: { cookie: pi! } },
    { method: 'GET', path: q('overview.get', { trialId: 'artery-2' }), headers: { cookie: steering! } },
    {
      method: 'GET',
      path: q('participants.list', { trialId: 'pump-iii', pageSize: 50 }),
      headers: { cookie: emc! },
    },
    {
      method: 'GET',
      path: q('followUp.matrix', { trialId: 'pump-iii', pageSize: 50 }),
      headers: { cookie: monitor! },
    },
    {
      method: 'GET',
      path: q('participants.get', { trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' }),
      headers: { cookie: avl! },
    },
    {
      method: 'POST',
      path: '/trpc/entry.inclusion.include',
      headers: { ...json, cookie: emc! },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(inclusion((n += 1), 'EMC')) }),
    },
    {
      method: 'POST',
      path: '/trpc/entry.screening.record',
      headers: { ...json, cookie: ijs! },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          trialId: 'artery-2',
          screeningDate: '2026-11-20',
          outcome: 'declined',
          reason: `Declined (load check ${(n += 1)})`,
        }),
      }),
    },
    { method: 'GET', path: q('trials.list', {}), headers: { cookie: pi! } },
  ];
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests });
  const statusCounts = { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] };
  // How busy the machine was decides most of the latency (the server and autocannon share its cores).
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `load check: ${CONNECTIONS} connections, ${SECONDS} s, ${result.requests.total} requests (${result.requests.average} req/s); load average ${load.join(' ')} at the end on ${os.cpus().length} cores`,
  );
  console.log(
    `  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}; ${JSON.stringify(statusCounts)}`,
  );
  const included = await call(server.url, 'overview.get', { trialId: 'artery-2' }, pi, 'GET');
  console.log(
    `  ARTERY-2 now has ${(included.data as { inclusion: { included: number } }).inclusion.included} participants`,
  );
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
    fail('errors or non-2xx answers under load');
  console.log('load check passed');
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
