// An inclusion runs the automatic-query rules on what it has just written (its scheduled slots, and no
// visit, cycle or query yet) instead of reading them back. Whether that reaches the same state as the rules
// run on everything read from the database is checked the way it matters: a sweep right after, which reads
// everything, finds nothing to open, close or reopen. Demo facts: ARTERY-2 counts from inclusion.
import { verifyAuditChain } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { sweepAutoQueries } from '../src/use-cases/monitoring/sweep-auto-queries.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  // The demo's own overdue visits, settled first so that the sweep after the inclusion speaks of it alone.
  await sweep();
});
afterEach(() => h.close());

const sweep = () => sweepAutoQueries({ db: h.open.db, clock: () => h.clock.now });
const autoQueriesOf = (studyId: string) =>
  h.rows<{ rule: string; status: string }>(
    `SELECT q.rule, q.status FROM queries q JOIN participants p ON p.id = q.participant_id
     WHERE p.study_id = ? AND q.origin = 'auto'`,
    studyId,
  );

describe('automatic queries at inclusion', () => {
  it('an inclusion dated long ago opens its overdue visits itself, and a sweep after it has nothing to add', async () => {
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(
      arteryInclusion({ inclusionDate: '2025-04-01', consentDate: '2025-03-30', labDate: '2025-03-25' }),
    );
    const opened = await autoQueriesOf(studyId);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((q) => q.rule === 'visit_overdue' && q.status === 'open')).toBe(true);
    expect(await sweep()).toEqual({ opened: 0, closed: 0, reopened: 0 });
    expect(await autoQueriesOf(studyId)).toHaveLength(opened.length);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('an inclusion of yesterday opens none, and neither does the sweep after it', async () => {
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
    expect(await autoQueriesOf(studyId)).toEqual([]);
    expect(await sweep()).toEqual({ opened: 0, closed: 0, reopened: 0 });
  });
});
