// The committee report of a data cut: on screen (the report object) and as a PDF whose every page carries
// the cut's as-of date and content hash. The PDF is opened here without a PDF library: its page objects
// are counted and its compressed content streams inflated to read the text drawn on each page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';
import { pageTexts, pdfTitle } from './pdf-text.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'pump-iii';

describe('the report', () => {
  it('has every section for a data cut, with its date and hash', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'Report cut', asOf: '2025-12-31' });
    const r = await (await h.as('steering')).committee.report.get({ trialId, cutId: cut.id });
    expect(r.meta).toMatchObject({ asOf: '2025-12-31', contentHash: cut.contentHash, synthetic: true });
    expect(r.meta.cut?.label).toBe('Report cut');
    expect(r.accrual.included).toBe(45);
    expect(r.centres.reduce((n, c) => n + c.included, 0)).toBe(45);
    expect(r.milestones.map((m) => m.key)).toContain('lastPatientIn');
    // As of 2025-12-31 the primary analysis is due (since January 2025), not done.
    expect(r.milestones.find((m) => m.key === 'primaryAnalysis')).toMatchObject({
      basis: 'due',
      reached: false,
    });
    const f = r.followUp.total;
    expect(f.expected).toBe(f.states.done + f.states.done_late + f.states.missed + f.states.overdue);
    expect(r.closed?.outcomes.endpoints).toHaveLength(3);
    expect(r.consort.screening.included).toBe(45);
    // Reasons for not being eligible read as what was wrong, for the page and the PDF alike.
    expect(r.criteria.platelets).toEqual({ en: 'Platelets < 100 ×10⁹/L', nl: 'Trombocyten < 100 ×10⁹/L' });
    expect(r.criteria.pregnantOrLactating?.en).toBe('Pregnant or lactating');
    const consort = await (await h.as('steering')).committee.consort.get({ trialId });
    expect(consort.criteria).toEqual(r.criteria);
  });

  it('downloads as a PDF of several pages, titled, with the as-of date and hash on every page, and audited', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'PDF cut', asOf: '2026-06-30' });
    const steering = await h.as('steering');
    const file = await steering.committee.report.pdf({ trialId, cutId: cut.id });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.filename).toBe(`PUMP-III-report-2026-06-30-cut-${cut.id}.pdf`);
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf)).toBe('PUMP-III steering committee report');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(pages.length);
    // Milestones read as done only when they were: the due primary analysis is not "reached".
    const all = texts.join('\n');
    expect(all).not.toMatch(/Reached(yes|no)/);
    expect(all).toMatch(/Primary analysis[^A-Za-z]*due, not recorded as done/);
    // 90-day mortality stands beside the Clavien–Dindo rate, with its exact interval.
    expect(all).toMatch(
      /Mortality within 90 days of surgery: \d+ of 45 operated participants \([\d.]+%; exact 95% CI/,
    );
    for (const t of texts) {
      expect(t).toContain(cut.contentHash);
      expect(t).toContain('As of 2026-06-30');
      expect(t).toContain('SYNTHETIC DATA');
    }
    const entry = h.open.sqlite
      .prepare(
        `SELECT username, after FROM audit_log WHERE action = 'export.created' ORDER BY seq DESC LIMIT 1`,
      )
      .get() as { username: string; after: string };
    expect(entry.username).toBe('steering');
    expect(JSON.parse(entry.after)).toMatchObject({ format: 'pdf', contentHash: cut.contentHash });
  });

  it('refuses bad input and unknown cuts', async () => {
    const steering = await h.as('steering');
    await expectCode(steering.committee.report.pdf({ trialId, cutId: 0 }), 'BAD_REQUEST');
    await expectCode(steering.committee.report.get({ trialId, cutId: 77 }), 'NOT_FOUND');
  });
});
