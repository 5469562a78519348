// The committee report's closed part as a careless trial setting opens it: when a trial lets coordinators see
// outcomes (or after the primary analysis is released, to every role), a coordinator's SAE listing, on
// screen and in the PDF, holds their own centre's participants only, as every participant page does.
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { pageTexts } from './pdf-text.js';

const trialId = 'pump-iii';
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await (
    await h.as('admin')
  ).trials.setOutcomeVisibility({
    trialId,
    rolesBeforePrimaryAnalysis: ['pi', 'steering', 'coordinator'],
    primaryAnalysisReleased: null,
    reason: 'Coordinators see the closed report',
  });
});
afterAll(() => h.close());

describe('the closed report of a coordinator who may see outcomes', () => {
  it('lists only their own centre’s SAEs, while the PI’s listing holds every centre', async () => {
    const pi = await (await h.as('pi')).committee.report.get({ trialId });
    const all = pi.closed?.saeListing ?? [];
    expect(new Set(all.map((r) => r.centre)).size).toBeGreaterThan(1);
    const coord = await (await h.as('coord-emc')).committee.report.get({ trialId });
    const mine = coord.closed?.saeListing ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.centre === 'EMC')).toBe(true);
    expect(mine).toEqual(all.filter((r) => r.centre === 'EMC'));
    // The counts of the open part stay the trial's, as for every role that reads aggregates.
    expect(coord.saes).toEqual(pi.saes);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('prints no other centre’s study ID in the PDF', async () => {
    const file = await (await h.as('coord-emc')).committee.report.pdf({ trialId });
    const text = pageTexts(Buffer.from(file.base64, 'base64')).join('\n');
    expect(text).toMatch(/PUMP3-EMC-\d+ \(EMC\)/);
    expect(text).not.toMatch(/PUMP3-(?!EMC)[A-Z]+-\d+/);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });
});
