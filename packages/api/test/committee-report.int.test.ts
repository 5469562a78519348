// The committee report of a data cut: on screen (the report object) and as a PDF whose every page carries
// the cut's as-of date and content hash. The PDF is opened here without a PDF library: its page objects
// are counted and its compressed content streams inflated to read the text drawn on each page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';
import { asDutch } from './entry-helpers.js';
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
    expect(all).toMatch(/Primary analysis(\d{1,2} [A-Z][a-z]{2} \d{4})+due, not recorded as done/);
    // 90-day mortality stands beside the Clavien–Dindo rate, with its exact interval.
    expect(all).toMatch(
      /Mortality within 90 days of surgery: \d+ of 45 operated participants \([\d.]+%; exact 95% CI/,
    );
    for (const t of texts) {
      expect(t).toContain(cut.contentHash);
      expect(t).toContain('As of 30 Jun 2026');
      expect(t).toContain('SYNTHETIC DATA');
    }
    // The embedded font prints ×10⁹/L (Helvetica printed "×109/L"), and reasons read as what was wrong.
    expect(all).toMatch(/Platelets < 100 ×10⁹\/L \(\d+\)/);
    expect(all).not.toContain('×109');
    // Categories print as labels, dates as the language writes them: no code, no ISO date anywhere.
    expect(all).toContain('Pump-related');
    expect(all).toContain('Dose reduced');
    // (a raw code would stand straight before the next cell: 'surgicalClavien-Dindo', 'delayed16')
    expect(all).toMatch(/SurgicalClavien-DindoIIIa/);
    expect(all).not.toMatch(/(surgical|pump|toxicity|other)(Clavien-Dindo|CTCAE)/);
    expect(all).not.toMatch(/(?<!Dose )(reduced|delayed|skipped|stopped)\d/);
    expect(all).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
    expect(all).not.toContain('\uFFFD');
    const entry = (await h.row<{ username: string; after: string }>(
      `SELECT username, after FROM audit_log WHERE action = 'export.created' ORDER BY seq DESC LIMIT 1`,
    ))!;
    expect(entry.username).toBe('steering');
    expect(JSON.parse(entry.after)).toMatchObject({ format: 'pdf', contentHash: cut.contentHash });
  });

  it('projects the end of recruitment while recruiting, with the window the rate comes from', async () => {
    const steering = await h.as('steering');
    const done = await steering.committee.report.get({ trialId });
    expect(done.accrual.projection).toBeNull();
    expect(done.accrual.points.every((p) => p.projected === null)).toBe(true);
    const r = await steering.committee.report.get({ trialId: 'artery-2' });
    const p = r.accrual.projection;
    expect(r.accrual.included).toBeLessThan(r.accrual.target);
    expect(p?.rateWindow).toMatchObject({ to: r.meta.asOf, days: 180 });
    expect(p?.rateWindow.arrivals).toBeGreaterThan(0);
    const d = p?.predictive;
    if (!d) throw new Error('a recruiting trial with recent inclusions has a predictive interval');
    expect(d.lowerDate <= d.medianDate && d.medianDate <= d.upperDate).toBe(true);
    // The chart's lines start at today's count and end at the target, the latest at the interval's end.
    const drawn = r.accrual.points.filter((x) => x.projected !== null);
    expect(drawn[0]?.projected).toBe(r.accrual.included);
    expect(drawn.at(-1)).toMatchObject({ projected: r.accrual.target, projectedLatest: r.accrual.target });
    expect(drawn.at(-1)?.month).toBe(d.upperDate.slice(0, 7));
    const pdf = await steering.committee.report.pdf({ trialId: 'artery-2' });
    const text = pageTexts(Buffer.from(pdf.base64, 'base64')).join('\n');
    expect(text).toMatch(/Projection: the target is reached around \d+ \w+ \d{4} \(95% predictive interval/);
    expect(text).toContain('of the last 180 days');
  });

  it('follows the language the user chose', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'Snede', asOf: '2026-06-30' });
    const file = await (await asDutch(h, 'steering')).committee.report.pdf({ trialId, cutId: cut.id });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdfTitle(pdf)).toBe('PUMP-III rapport voor de stuurgroep');
    const texts = pageTexts(pdf);
    const all = texts.join('\n');
    for (const t of texts) expect(t).toContain('Peildatum 30 jun 2026');
    expect(all).toMatch(/Trombocyten < 100 ×10⁹\/L \(\d+\)/);
    expect(all).toContain('6. Veiligheid');
    expect(all).toMatch(
      /Mortaliteit binnen 90 dagen na de operatie: \d+ van 45 geopereerde deelnemers \([\d,]+%/,
    );
    expect(all).toContain('Pompgerelateerd');
    expect(all).toContain('Primaire analyse');
    expect(all).toContain('Hazard ratio’s per centrum (Cox, verkennend)');
    expect(all).toContain('Leverrecidief met overlijden als concurrerend risico');
    expect(all).toContain('Vergaderingen van de commissie');
    expect(all).toContain('Kenmerken bij aanvang');
    expect(all).toContain('Swimmer plot: elke deelnemer van inclusie tot laatste follow-up');
    expect(all).toMatch(/Leeftijd bij inclusie \(jaar\)(\d+(,\d+)? \(\d+(,\d+)?–\d+(,\d+)?\)){4}/);
    expect(all).toMatch(/Vrouw(\d+ \([\d,]+%\)){4}/);
    expect(all).toMatch(/Ondertekend door .+ op \d+ [a-z]+ \d{4} om \d\d:\d\d UTC/);
    // The demo minutes are what the committee typed (in English) and print as typed: leave them out.
    const { meetings } = await pi.committee.meetings.list({ trialId });
    expect(meetings.length).toBeGreaterThan(0);
    const words = meetings.reduce((text, m) => text.split(m.minutes).join(''), all);
    expect(words).not.toMatch(
      /\b(Safety|Milestones|Accrual|Primary analysis|Pump-related|Signed|Attendees|Competing)\b/,
    );
    expect(all).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
  });

  it('refuses bad input and unknown cuts', async () => {
    const steering = await h.as('steering');
    await expectCode(steering.committee.report.pdf({ trialId, cutId: 0 }), 'BAD_REQUEST');
    await expectCode(steering.committee.report.get({ trialId, cutId: 77 }), 'NOT_FOUND');
  });
});
