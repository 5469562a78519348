// Round trip (issue 16): Trialdesk's own ODM export of a data cut, imported into an empty instance, gives the
// same overview, the same endpoints and the same Kaplan–Meier numbers. Instance A is the seeded demo; its
// PUMP-III cut is exported as ODM by the PI, imported with commit into instance B with the starting mapping
// generated from the file (no hand edits), and everything the committee reads is compared exactly. The
// screening log of people never included is no ODM clinical data (a SubjectData is a participant), so B's
// screening log holds only what B's inclusions wrote: the overview, endpoints and survival, which are the
// included participants' figures, are compared whole.
import { loadTrialDataset, verifyAuditChain } from '@trialdesk/db';
import { deriveEndpoints, type TrialDataset } from '@trialdesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrial } from '../src/access/load-trial.js';
import { generateMapping } from '../src/import/generate-mapping.js';
import { readOdm } from '../src/import/odm-read.js';
import { runOdmImport } from '../src/import/run-import.js';
import { buildOutcomes } from '../src/reports/build-outcomes.js';
import { buildOverview } from '../src/reports/build-overview.js';
import { loadCut, parseSnapshot } from '../src/reports/source.js';
import { AS_OF, createHarness, type Harness } from './harness.js';
import { emptyInstance, type EmptyInstance } from './import-helpers.js';

const trialId = 'pump-iii';
let a: Harness;
let b: EmptyInstance;
let xml: Buffer;
let cutData: TrialDataset;

beforeAll(async () => {
  a = await createHarness();
  b = await emptyInstance();
  const pi = await a.as('pi');
  const cut = await pi.committee.dataCuts.create({ trialId, label: 'Round trip', asOf: AS_OF });
  const file = await pi.committee.exports.odm({ trialId, cutId: cut.id });
  xml = Buffer.from(file.base64, 'base64');
  cutData = parseSnapshot(await loadCut({ db: a.open.db }, trialId, cut.id));
}, 120_000);
afterAll(async () => {
  await b.close();
  await a.close();
});

/** A dataset without the rows' own ids (an instance numbers its rows itself). */
function withoutIds(data: TrialDataset) {
  return data.participants.map(({ id: _p, cycles, assessments, events, ...p }) => ({
    ...p,
    cycles: cycles.map(({ id: _c, ...c }) => c),
    assessments: assessments.map(({ id: _a, ...x }) => x),
    events: events.map(({ id: _e, ...e }) => e),
  }));
}

describe('ODM round trip of a data cut', () => {
  it('the starting mapping of Trialdesk’s own ODM maps every item but those Trialdesk derives', async () => {
    const def = (await loadTrial({ db: a.open.db, lang: 'en' }, trialId)).definition;
    const m = generateMapping(def, readOdm('en', xml.toString('utf8')));
    const unmapped = Object.values(m.items)
      .filter((i) => i.target === null)
      .map((i) => i.label?.split(':')[0])
      .sort();
    expect(unmapped).toEqual([
      'centre',
      'follow_up_end',
      'off_study_date',
      'off_study_reason',
      'out_of_window',
      'time_zero',
    ]);
    expect(Object.values(m.items).filter((i) => i.target?.startsWith('eligibility.')).length).toBeGreaterThan(
      10,
    );
    expect(m.sites).toEqual(Object.fromEntries(def.centres.map((c) => [`LOC.${c.code}`, c.code])));
  });

  it('imports into an empty instance and gives the same overview, endpoints and KM numbers', async () => {
    const report = await runOdmImport(b.deps(), {
      trialId,
      fileName: 'pump-iii-cut.odm.xml',
      bytes: xml,
      commit: true,
    });
    const refused = report.rows.filter((r) => r.action === 'refused');
    expect(refused.slice(0, 5), JSON.stringify(refused.slice(0, 5), null, 1)).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.subjects).toBe(cutData.participants.length);
    expect((await verifyAuditChain(b.db)).ok).toBe(true);

    const trialA = await loadTrial({ db: a.open.db, lang: 'en' }, trialId);
    const trialB = await loadTrial({ db: b.db, lang: 'en' }, trialId);
    const def = trialA.definition;
    const dataB = await loadTrialDataset(b.db, { id: trialId, synthetic: trialB.synthetic }, AS_OF);

    // The participants, record by record: the same study IDs, dates, values and derived follow-up.
    expect(withoutIds(dataB)).toEqual(withoutIds(cutData));

    // The overview (inclusion, accrual, projection, centres, milestones, follow-up and assessment states).
    expect(await buildOverview(b.db, trialB, AS_OF)).toEqual(await buildOverview(a.open.db, trialA, AS_OF));

    // The endpoints per participant: time, event or censoring, and why.
    expect(deriveEndpoints(def, dataB)).toEqual(deriveEndpoints(def, cutData));

    // Kaplan–Meier: times, numbers at risk, survival, confidence limits, medians, landmarks.
    const kmA = buildOutcomes(def, cutData).endpoints;
    const kmB = buildOutcomes(def, dataB).endpoints;
    expect(kmA.length).toBeGreaterThan(0);
    expect(kmA.some((e) => e.events > 0)).toBe(true);
    expect(kmB).toEqual(kmA);
  });
});
