// The synthetic demo holds what a newcomer expects of notifications: the PI's notice of the newest SAE, a query
// opened for a site, a query answered for the monitor who opened it, and this week's digest waiting in the
// outbox (demo mode); every one labelled synthetic, the digest's week claimed so it is not sent again.
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOverdueDigest } from '../src/jobs/overdue-digest.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const synthetic = (titles: string[]) => titles.every((t) => t.endsWith('(synthetic demo)'));

describe('the demo’s notifications and outbox', () => {
  it('the PI has the newest SAE’s notice; the IJsselland coordinator a query; the monitor an answer', async () => {
    const pi = await (await h.as('pi')).notifications.list({ limit: 50 });
    const sae = pi.items.filter((n) => n.kind === 'sae.new');
    expect(sae).toHaveLength(1);
    expect(sae[0]!.title).toMatch(
      /^\[PUMP-III\] New serious adverse event: PUMP3-[A-Z]+-\d{3} \(synthetic demo\)$/,
    );
    expect(sae[0]!.body).toContain('Synthetic demo notice from a fixed seed');
    const newest = await h.row<{ study_id: string }>(
      `SELECT p.study_id FROM serious_adverse_events s JOIN participants p ON p.id = s.participant_id
        WHERE s.trial_id = 'pump-iii' ORDER BY s.aware_at DESC, s.id DESC LIMIT 1`,
    );
    expect(sae[0]!.title).toContain(newest!.study_id);
    expect(sae[0]!.link).toBe(`/trials/pump-iii/participants/${newest!.study_id}`);

    const coord = await (await h.as('coord-ijsselland')).notifications.list({ limit: 50 });
    const opened = coord.items.filter((n) => n.kind === 'query.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.title).toMatch(/^\[PUMP-III\] Data query \d+ about PUMP3-IJS-\d{3}/);
    expect(coord.items.some((n) => n.kind === 'digest.overdue_visits')).toBe(true);

    const monitor = await (await h.as('monitor')).notifications.list({ limit: 50 });
    const answered = monitor.items.filter((n) => n.kind === 'query.answered');
    expect(answered).toHaveLength(1);
    const queryId = Number(/Data query (\d+)/.exec(answered[0]!.title)![1]);
    const q = await h.row<{ status: string; opened_by: number }>(
      'SELECT q.status, q.opened_by FROM queries q WHERE q.id = ?',
      queryId,
    );
    expect(q?.status).toBe('answered');
    expect(synthetic([...sae, ...opened, ...answered].map((n) => n.title))).toBe(true);
    // Unread: they wait for the newcomer.
    expect(pi.unread).toBeGreaterThan(0);
  });

  it('the outbox holds the mails of the three addressed accounts, waiting (demo mode), labelled synthetic', async () => {
    const box = await (await h.as('admin')).notifications.outbox({ limit: 200 });
    expect(box.delivery).toBe('outbox');
    expect(box.items.length).toBeGreaterThanOrEqual(3);
    expect(box.items.every((m) => m.status === 'pending' && m.subject.endsWith('(synthetic demo)'))).toBe(
      true,
    );
    const to = new Set(box.items.map((m) => m.to));
    expect(to).toEqual(
      new Set([
        'pi@trialdesk-demo.example',
        'coord-ijsselland@trialdesk-demo.example',
        'coord-avl@trialdesk-demo.example',
      ]),
    );
    const digest = box.items.find(
      (m) =>
        m.to === 'coord-ijsselland@trialdesk-demo.example' &&
        /^\[PUMP-III\] \d+ overdue visits? at/.test(m.subject),
    );
    expect(digest?.body).toMatch(/PUMP3-IJS-\d{3}: month \d+, window until /);
    expect(digest?.body).not.toMatch(/PUMP3-(EMC|AVL)-/);
    expect(
      box.items.some((m) => m.to === 'pi@trialdesk-demo.example' && m.subject.includes('New serious')),
    ).toBe(true);
  });

  it('this week’s digest is the seed’s: the scheduled job does not send it again', async () => {
    const run = await runOverdueDigest({ db: h.open.db, clock: () => h.clock.now, instance: 'test' });
    expect(run).toMatchObject({ week: '2026-11-23', ran: false, notified: 0 });
  });

  it('the demo’s audit chain verifies', async () => {
    expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
  });
});
