// The committee report's "Serious adverse events" and "Protocol deviations" sections through the API, on a
// frozen data cut: the cut carries the SAEs and deviations as they stood when it was frozen (a report made
// after it stays out), the open part has counts only, the SAE listing per participant is in the closed part
// for the PI and never reaches the steering committee (which sees the closed part's outcomes), and the PDF
// has both sections in English and Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDutch } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { pageTexts } from './pdf-text.js';

const trialId = 'pump-iii';
let h: Harness;
let cutId: number;
let lateStudyId: string;

/** SAEs whose event counts on the as-of date, and deaths with no SAE: read straight from the tables. */
async function saesInTables(asOf: string) {
  const reported = await h.rows<{ centre: string; susar: number }>(
    `SELECT s.centre, s.susar FROM serious_adverse_events s JOIN events e ON e.id = s.event_id
       JOIN participants p ON p.id = s.participant_id
      WHERE s.trial_id = ? AND e.voided_at IS NULL AND p.voided_at IS NULL AND e.event_date <= ?
        AND p.inclusion_date <= ?`,
    trialId,
    asOf,
    asOf,
  );
  const deaths = await h.rows<{ centre: string }>(
    `SELECT e.centre FROM events e JOIN participants p ON p.id = e.participant_id
      WHERE e.trial_id = ? AND e.type = 'death' AND e.voided_at IS NULL AND p.voided_at IS NULL
        AND e.event_date <= ? AND p.inclusion_date <= ?
        AND NOT EXISTS (SELECT 1 FROM serious_adverse_events s WHERE s.event_id = e.id)`,
    trialId,
    asOf,
    asOf,
  );
  return { reported, deaths };
}

beforeAll(async () => {
  h = await createHarness();
  const pi = await h.as('pi');
  h.clock.now = new Date('2026-11-26T10:00:00.000Z');
  cutId = (await pi.committee.dataCuts.create({ trialId, label: 'Safety cut', asOf: '2026-11-26' })).id;
  // After the cut: a new complication reported as an SAE at EMC. The cut must not know it.
  const coord = await h.as('coord-emc');
  const row = await h.row<{ study_id: string }>(
    `SELECT p.study_id FROM participants p WHERE p.trial_id = ? AND p.centre = 'EMC' AND p.voided_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.participant_id = p.id AND e.voided_at IS NULL
                       AND e.type IN ('death', 'withdrawal', 'lost_to_follow_up'))
     ORDER BY p.study_id LIMIT 1`,
    trialId,
  );
  lateStudyId = row!.study_id;
  h.clock.now = new Date('2026-11-26T11:00:00.000Z');
  const { id: eventId } = await coord.entry.events.record({
    trialId,
    studyId: lateStudyId,
    event: {
      type: 'complication',
      date: '2026-11-26',
      term: 'Hepatic artery thrombosis',
      category: 'pump',
      gradeScale: 'clavien_dindo',
      grade: 'IIIb',
      haipRelated: true,
    },
  });
  await coord.safety.reportSae({
    trialId,
    studyId: lateStudyId,
    eventId,
    criteria: ['hospitalisation'],
    assessments: [
      { intervention: 'floxuridine', causality: 'not_related', expected: null },
      { intervention: 'pump', causality: 'probable', expected: true },
      { intervention: 'surgery', causality: 'not_related', expected: null },
    ],
    awareAt: '2026-11-26T11:30',
    description: 'Readmitted',
  });
});
afterAll(() => h.close());

describe('the safety sections of the committee report', () => {
  it('counts the SAEs and deviations the cut froze, against the tables, and not a report made after it', async () => {
    const pi = await h.as('pi');
    const r = await pi.committee.report.get({ trialId, cutId });
    const { reported, deaths } = await saesInTables('2026-11-26');
    // The tables now hold the SAE reported after the cut: one more than the cut.
    expect(r.saes?.total).toBe(reported.length + deaths.length - 1);
    expect(r.saes?.susars).toBe(reported.filter((s) => Number(s.susar) === 1).length);
    expect(r.saes?.deathsNotReported).toBe(deaths.length);
    expect(r.saes?.readAt).toBe(r.meta.cut?.createdAt);
    expect(r.saes?.byCentre.reduce((n, c) => n + c.saes, 0)).toBe(r.saes?.total);
    const listing = r.closed?.saeListing ?? [];
    expect(listing).toHaveLength(r.saes?.total ?? -1);
    expect(listing.some((s) => s.studyId === lateStudyId && s.term === 'Hepatic artery thrombosis')).toBe(
      false,
    );
    // Per participant, chronologically.
    const keys = listing.map((s) => `${s.studyId} ${s.awareAt}`);
    expect([...keys].sort()).toEqual(keys);
    const live = await pi.committee.report.get({ trialId });
    expect(live.saes?.total).toBe(reported.length + deaths.length);
    expect(
      live.closed?.saeListing?.some(
        (s) => s.studyId === lateStudyId && s.term === 'Hepatic artery thrombosis',
      ),
    ).toBe(true);

    const devs = await h.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM protocol_deviations d LEFT JOIN participants p ON p.id = d.participant_id
        WHERE d.trial_id = ? AND d.deviation_date <= ? AND (d.participant_id IS NULL
          OR (p.voided_at IS NULL AND p.inclusion_date <= ?))`,
      trialId,
      '2026-11-26',
      '2026-11-26',
    );
    expect(r.deviations?.total).toBe(Number(devs[0]?.n));
    expect(r.deviations?.total).toBeGreaterThan(0);
    expect(r.deviations?.cells.reduce((n, c) => n + c.major + c.minor, 0)).toBe(r.deviations?.total);
  });

  it('gives the steering committee counts only: no SAE row at the API', async () => {
    const steering = await h.as('steering');
    const r = await steering.committee.report.get({ trialId, cutId });
    expect(r.closed).not.toBeNull();
    expect(r.closed?.saeListing).toBeNull();
    expect(r.saes?.total).toBeGreaterThan(0);
    const text = JSON.stringify({ saes: r.saes, deviations: r.deviations });
    expect(text).not.toMatch(/PUMP3-/);
    expect(JSON.stringify(r)).not.toMatch(/"awareAt"|"reportedAt"|"susarReport"|"eventDate"/);
    // A role with the open report only (the monitor, by default) gets the counts and no closed part.
    const monitor = await (await h.as('monitor')).committee.report.get({ trialId, cutId });
    expect(monitor.closed).toBeNull();
    expect(monitor.saes).toEqual(r.saes);
    expect(monitor.deviations).toEqual(r.deviations);
  });

  it('prints both sections in English and Dutch, and the listing only for the PI', async () => {
    const text = (file: { base64: string }) => pageTexts(Buffer.from(file.base64, 'base64')).join('\n');
    const steering = text(await (await h.as('steering')).committee.report.pdf({ trialId, cutId }));
    expect(steering).toContain('Serious adverse events');
    expect(steering).toContain('Protocol deviations');
    expect(steering).toContain('Serious adverse events: listing per participant');
    expect(steering).toContain('not to the steering committee');
    expect(steering).not.toMatch(/PUMP3-[A-Z]+-\d+/);
    const pi = text(await (await h.as('pi')).committee.report.pdf({ trialId, cutId }));
    expect(pi).toMatch(/PUMP3-[A-Z]+-\d+ \([A-Z]+\)/);
    expect(pi).toContain('Initial report (24 hours)');
    const dutch = text(await (await asDutch(h, 'steering')).committee.report.pdf({ trialId, cutId }));
    expect(dutch).toContain('Ernstige ongewenste voorvallen');
    expect(dutch).toContain('Protocolafwijkingen');
    expect(dutch).toContain('Eerste melding (24 uur)');
  });
});
