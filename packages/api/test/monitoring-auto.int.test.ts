// Automatic queries: opened once per rule, record and field (never again on a later write or sweep), closed
// by the system when the data are fixed, reopened only when the system had closed them, and audited as the
// system's steps. Demo facts (ARTERY-2, synthetic): ART2-EMC-002's month-12 slot is overdue (window
// 2026-02-13 – 2026-04-10).
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, parsed } from './audit-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { queryRows, stepsOf } from './monitoring-helpers.js';
import { sweepAutoQueries } from '../src/use-cases/monitoring/sweep-auto-queries.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'artery-2';
const sweep = () => sweepAutoQueries({ db: h.open.db, clock: () => h.clock.now });
const autoOf = async (studyId: string, rule: string) =>
  (await queryRows(h, studyId)).filter((q) => q.origin === 'auto' && q.rule === rule);

describe('automatic queries', () => {
  it('the sweep opens an overdue visit once, as the system; a second sweep opens nothing', async () => {
    const first = await sweep();
    expect(first.opened).toBeGreaterThan(0);
    const overdue = await autoOf('ART2-EMC-002', 'visit_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ status: 'open', opened_by: null, opened_by_name: 'Trialdesk' });
    const audit = (await auditRows(h, 'query.opened')).find((r) => r.entity_id === String(overdue[0]?.id));
    expect(audit).toMatchObject({ user_id: null, username: 'system', reason: 'rule: visit_overdue' });
    expect(await sweep()).toEqual({ opened: 0, closed: 0, reopened: 0 });
    expect(await autoOf('ART2-EMC-002', 'visit_overdue')).toHaveLength(1);
    // Worded in the reader's language from the stored key, with a plural that fits.
    const monitor = await h.as('monitor');
    const { queries } = await monitor.queries.list({ trialId, studyId: 'ART2-EMC-002' });
    const view = queries.find((q) => q.id === overdue[0]?.id);
    expect(view?.text).toMatch(
      /^The month 12 visit was due by 10 Apr 2026 and is overdue by more than its window \(\d+ days\)/,
    );
  });

  it('a late visit closes the overdue query and opens an out-of-window one; fixing the value closes it', async () => {
    await sweep();
    const coord = await h.as('coord-emc');
    const r = await coord.entry.assessments.record({
      trialId,
      studyId: 'ART2-EMC-002',
      month: 12,
      result: { status: 'done', performedDate: '2026-11-26', cea: null, imagingResult: 'no_recurrence' },
    });
    const [overdue] = await autoOf('ART2-EMC-002', 'visit_overdue');
    expect(overdue?.status).toBe('closed');
    const closing = (await stepsOf(h, overdue?.id ?? 0)).at(-1);
    expect(closing).toMatchObject({ kind: 'auto_close', user_id: null, system_key: 'query.auto.closed' });
    const closedAudit = (await auditRows(h, 'query.closed')).find((a) => a.entity_id === String(overdue?.id));
    expect(parsed(closedAudit?.after ?? null)).toEqual({ status: 'closed', text: null, bySystem: true });
    expect(closedAudit).toMatchObject({ reason: 'rule no longer met: visit_overdue', role: 'coordinator' });
    expect(await autoOf('ART2-EMC-002', 'out_of_window')).toHaveLength(1);
    const [missing] = await autoOf('ART2-EMC-002', 'missing_value');
    expect(missing).toMatchObject({
      record_type: 'assessment',
      record_id: r.id,
      field: 'cea',
      status: 'open',
    });

    // Fixed: closed by the system. Broken again: the same query reopens, no second one.
    const fix = (cea: number | null) =>
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'assessment', id: r.id, changes: { cea } },
        reason: 'From the lab report',
      });
    await fix(3.1);
    expect((await autoOf('ART2-EMC-002', 'missing_value'))[0]?.status).toBe('closed');
    await fix(null);
    const again = await autoOf('ART2-EMC-002', 'missing_value');
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: missing?.id, status: 'open' });
    expect((await stepsOf(h, missing?.id ?? 0)).map((s) => s.kind)).toEqual([
      'open',
      'auto_close',
      'auto_reopen',
    ]);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it("a person's close stands: the rule does not reopen a query its reviewer closed", async () => {
    await sweep();
    const q = await h.open.db
      .selectFrom('queries')
      .selectAll()
      .where('rule', '=', 'visit_overdue')
      .where('status', '=', 'open')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const monitor = await h.as('monitor');
    await monitor.queries.close({ queryId: q.id, text: 'Visit done elsewhere; the site will enter it' });
    expect(await sweep()).toMatchObject({ reopened: 0 });
    const after = await h.open.db
      .selectFrom('queries')
      .selectAll()
      .where('id', '=', q.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('closed');
  });
});
