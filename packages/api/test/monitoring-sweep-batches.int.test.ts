// The automatic-query sweep runs at every start-up; on a large trial it takes minutes. It must not keep the
// server from answering meanwhile: it works in batches and gives the event loop a turn before each. The
// request here arrives as the server's requests do, from the event loop (a macrotask, like a socket's
// data), and the test asserts the order of events, not how long anything took.
import { verifyAuditChain } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { sweepAutoQueries } from '../src/use-cases/monitoring/sweep-auto-queries.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const autoQueries = async () =>
  (await h.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM queries WHERE origin = 'auto'`))[0]?.n;

describe('the automatic-query sweep in batches', () => {
  it('answers a request that arrives while the sweep is running, before the sweep ends', async () => {
    const monitor = await h.as('monitor');
    const events: string[] = [];
    const swept = sweepAutoQueries({ db: h.open.db, clock: () => h.clock.now }, { batchSize: 1 }).then(
      (changes) => {
        events.push('swept');
        return changes;
      },
    );
    const answered = new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        events.push('request');
        monitor.trials
          .list()
          .then((trials) => {
            events.push('answered');
            resolve(trials.length);
          })
          .catch(reject);
      });
    });
    const [changes, trials] = await Promise.all([swept, answered]);
    expect(trials).toBeGreaterThan(0);
    expect(changes.opened).toBeGreaterThan(0);
    expect(events).toEqual(['request', 'answered', 'swept']);
  });

  it('marks each batch, and opens each query once when two sweeps run at the same time', async () => {
    const before = Number(await autoQueries());
    expect(before).toBe(0);
    const batches: number[] = [];
    let n = 0;
    const pause = async () => {
      batches.push((n += 1));
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const sweep = () =>
      sweepAutoQueries({ db: h.open.db, clock: () => h.clock.now }, { batchSize: 7, pause });
    // Both sweeps find the demo's overdue visits; only one opens each.
    const [a, b] = await Promise.all([sweep(), sweep()]);
    const after = Number(await autoQueries());
    expect(after).toBeGreaterThan(0);
    expect(a.opened + b.opened).toBe(after);
    const duplicates = await h.rows(
      `SELECT participant_id, auto_key FROM queries WHERE origin = 'auto'
       GROUP BY participant_id, auto_key HAVING COUNT(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const participants = Number(
      (await h.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM participants WHERE voided_at IS NULL`))[0]?.n,
    );
    expect(batches.length).toBeGreaterThanOrEqual(2 * Math.ceil(participants / 7));
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });
});
