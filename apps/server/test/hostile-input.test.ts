// Hostile input over HTTP: injection and traversal strings in identifier, code and date fields are refused
// with a 4xx and a message, free text is stored exactly as typed (never interpreted), control characters
// are refused, deep and oversized bodies are refused; afterwards the database holds exactly the rows of
// the accepted requests, passes its integrity check, and its audit chain verifies.
import { integrityCheck } from '@trialdesk/db/testing';
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ErrorBody, type TestServer } from './serve.js';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE participants; --",
  '" OR ""="',
  '1; DELETE FROM audit_log',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
];
/** Refused in every text field (the text policy, packages/domain/src/text.ts). */
const CONTROL = [
  'bad\u0000text',
  'bell\u0007',
  'esc\u001b[31m',
  'c1\u0085',
  'del\u007f',
  'PUMP3-EMC-001\u202E',
];

let s: TestServer;
let coord: string;
let admin: string;
let pi: string;
let monitor: string;
const clinicalTables = [
  'participants',
  'screenings',
  'treatment_cycles',
  'assessments',
  'assessment_slots',
  'events',
  'users',
  'data_cuts',
  'queries',
  'query_steps',
  'sdv_marks',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of clinicalTables) out[t] = (await s.row<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n;
  return out;
}

beforeAll(async () => {
  s = await startServer();
  [coord, admin, pi, monitor] = await Promise.all([
    s.login('coord-emc'),
    s.login('admin'),
    s.login('pi'),
    s.login('monitor'),
  ]);
});
afterAll(() => s.close());

async function expectRefused(res: Response) {
  expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as ErrorBody & { error?: { message?: string } };
  expect(body.error?.message?.length ?? 0).toBeGreaterThan(3);
}

const validScreening = {
  trialId: 'artery-2',
  screeningDate: '2026-11-20',
  outcome: 'declined',
  reason: 'Declined participation',
};
const validInclusion = {
  trialId: 'artery-2',
  inclusionDate: '2026-11-25',
  consentDate: '2026-11-25',
  labDate: '2026-11-20',
  sex: 'female',
  answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
  measures: {
    age: { value: 50, uln: null },
    ecog: { value: 0, uln: null },
    anc: { value: 3, uln: null },
    platelets: { value: 200, uln: null },
    bilirubin: { value: 10, uln: 17 },
    egfr: { value: 90, uln: null },
  },
};

describe('injection and traversal strings in identifier, code and date fields', () => {
  it('are refused with a 4xx and a message, and write nothing', async () => {
    const before = await counts();
    for (const bad of [...INJECTIONS, 'PUMP3-EMC-001\u202E']) {
      await expectRefused(
        await s.post('entry.screening.record', { ...validScreening, trialId: bad }, { cookie: coord }),
      );
      await expectRefused(
        await s.post('entry.screening.record', { ...validScreening, screeningDate: bad }, { cookie: coord }),
      );
      await expectRefused(
        await s.post(
          'entry.screening.record',
          { ...validScreening, outcome: 'not_eligible', failedCriteria: [bad] },
          { cookie: coord },
        ),
      );
      await expectRefused(
        await s.post('entry.inclusion.include', { ...validInclusion, centre: bad }, { cookie: coord }),
      );
      await expectRefused(
        await s.post(
          'entry.inclusion.include',
          { ...validInclusion, screeningNumber: bad },
          { cookie: coord },
        ),
      );
      await expectRefused(
        await s.post(
          'entry.inclusion.include',
          { ...validInclusion, answers: { ...validInclusion.answers, [bad]: true } },
          { cookie: coord },
        ),
      );
      await expectRefused(
        await s.post(
          'entry.events.record',
          {
            trialId: 'pump-iii',
            studyId: bad,
            event: { type: 'recurrence', date: '2026-11-01', site: 'hepatic' },
          },
          { cookie: coord },
        ),
      );
      await expectRefused(
        await s.post(
          'users.create',
          { username: bad, displayName: 'X', role: 'monitor', password: 'a-long-password-123' },
          { cookie: admin },
        ),
      );
      await expectRefused(
        await s.post(
          'users.create',
          { username: 'newuser', displayName: 'X', role: bad, password: 'a-long-password-123' },
          { cookie: admin },
        ),
      );
      await expectRefused(
        await s.query('participants.get', { trialId: 'pump-iii', studyId: bad }, { cookie: pi }),
      );
      await expectRefused(await s.query('overview.get', { trialId: bad }, { cookie: pi }));
    }
    expect(await counts()).toEqual(before);
  });

  it('are only ever matched literally by searches and filters', async () => {
    for (const bad of INJECTIONS) {
      const list = await s.query(
        'participants.list',
        { trialId: 'pump-iii', search: bad.slice(0, 40) },
        { cookie: pi },
      );
      expect([200, 400]).toContain(list.status);
      if (list.status === 200)
        expect(((await list.json()) as { result: { data: { total: number } } }).result.data.total).toBe(0);
      const audit = await s.query('audit.list', { participant: bad }, { cookie: pi });
      expect([200, 400]).toContain(audit.status);
    }
  });
});

describe('free text', () => {
  it('is stored exactly as typed, never interpreted', async () => {
    for (const text of INJECTIONS) {
      const res = await s.post(
        'entry.screening.record',
        { ...validScreening, reason: text },
        { cookie: coord },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      const { screeningNumber } = ((await res.json()) as { result: { data: { screeningNumber: string } } })
        .result.data;
      const row = (await s.row<{ reason: string }>(
        'SELECT reason FROM screenings WHERE screening_number = ?',
        screeningNumber,
      ))!;
      expect(row.reason).toBe(text.trim());
    }
  });

  it('with control characters is refused with a message', async () => {
    const before = await counts();
    for (const text of CONTROL) {
      await expectRefused(
        await s.post('entry.screening.record', { ...validScreening, reason: text }, { cookie: coord }),
      );
      await expectRefused(
        await s.post(
          'users.create',
          { username: 'ctrl-user', displayName: text, role: 'monitor', password: 'a-long-password-123' },
          { cookie: admin },
        ),
      );
      // Every other kind of text a user sends: reasons, labels, query texts, filters (one text policy).
      const reason = { reason: text };
      const refusals: [string, Record<string, unknown>, string][] = [
        ['trials.setTarget', { trialId: 'artery-2', target: 99, ...reason }, admin],
        [
          'trials.setOutcomeVisibility',
          {
            trialId: 'artery-2',
            rolesBeforePrimaryAnalysis: ['pi'],
            primaryAnalysisReleased: null,
            ...reason,
          },
          admin,
        ],
        [
          'entry.corrections.void',
          { trialId: 'pump-iii', target: { record: 'participant', studyId: 'PUMP3-EMC-001' }, ...reason },
          coord,
        ],
        ['committee.dataCuts.create', { trialId: 'pump-iii', label: text, asOf: '2026-11-01' }, pi],
        ['queries.open', { trialId: 'pump-iii', studyId: 'PUMP3-EMC-001', text }, monitor],
        ['queries.answer', { queryId: 1, text }, coord],
        ['queries.close', { queryId: 1, text }, monitor],
        ['queries.reopen', { queryId: 1, text }, monitor],
        ['audit.exportCsv', { username: text }, admin],
      ];
      for (const [path, body, cookie] of refusals) {
        const res = await s.post(path, body, { cookie });
        expect(res.status, `${path} ${JSON.stringify(text)}`).toBe(400);
        await expectRefused(res);
      }
      await expectRefused(await s.query('audit.list', { participant: text }, { cookie: admin }));
    }
    expect(await counts()).toEqual(before);
  });
});

describe('malformed bodies', () => {
  it('refuses deeply nested JSON and oversized strings', async () => {
    const before = await counts();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const nested = await fetch(`${s.url}/trpc/entry.screening.record`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url, cookie: coord },
      body: `{"trialId":${deep}}`,
    });
    await expectRefused(nested);
    const huge = await s.post(
      'entry.screening.record',
      { ...validScreening, reason: 'A'.repeat(200_000) },
      { cookie: coord },
    );
    expect(huge.status).toBe(413);
    const long = await s.post(
      'entry.screening.record',
      { ...validScreening, reason: 'A'.repeat(5_000) },
      { cookie: coord },
    );
    await expectRefused(long);
    const deepQuery = await fetch(
      `${s.url}/trpc/overview.get?input=${encodeURIComponent('{"trialId":' + '['.repeat(2000) + ']'.repeat(2000) + '}')}`,
      { headers: { cookie: pi } },
    );
    expect(deepQuery.status).toBeGreaterThanOrEqual(400);
    expect(deepQuery.status).toBeLessThan(500);
    expect(await counts()).toEqual(before);
  });

  it('never serves files outside the app for traversal paths', async () => {
    for (const p of [
      '/../../../../etc/passwd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/%00',
    ]) {
      const res = await fetch(`${s.url}${p}`);
      const text = await res.text();
      expect(text).not.toMatch(/root:x:0:0|"name": "trialdesk"|devDependencies/);
    }
  });
});

describe('afterwards', () => {
  it('the database is intact and the audit chain verifies', async () => {
    expect(await integrityCheck(s.open.db)).toBe('ok');
    expect(await verifyAuditChain(s.open.db)).toMatchObject({ ok: true });
    expect((await counts()).participants).toBeGreaterThan(45);
  });
});
