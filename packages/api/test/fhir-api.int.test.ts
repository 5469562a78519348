// The FHIR R4 read API (fhir/handler.ts), called as the HTTP edge calls it: a token reads every resource
// type, Medplum's validator finds no error in any resource served, search parameters and paging links work,
// a coordinator's token sees only their centre (another centre's resource is 404 exactly like a missing one),
// a revoked or expired token is 401, and errors are OperationOutcomes. On both engines.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionedCache } from '../src/cache.js';
import { handleFhir } from '../src/fhir/handler.js';
import { listTrials, loadTrialDataset } from '@trialdesk/db';
import { dateInZone } from '@trialdesk/domain';
import { fhirResourceTypes, trialResources } from '../src/fhir/resources.js';
import { signIn } from './auth-helpers.js';
import { lastAudit, parsed } from './audit-helpers.js';
import { allFhirErrors } from './fhir-validate.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
const cache = new VersionedCache();
const BASE = 'http://trialdesk.test/fhir/R4';
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function tokenOf(username: string, expiresInDays?: number) {
  const caller = await signIn(h, username);
  const issued = await caller.tokens.create({
    label: 'FHIR test',
    ...(expiresInDays ? { expiresInDays } : {}),
  });
  return { caller, ...issued };
}

function get(
  token: string | null,
  path: string,
  query: Record<string, string> = {},
  lang: 'en' | 'nl' = 'en',
) {
  return handleFhir(
    { db: h.open.db, clock: () => h.clock.now, cache },
    {
      method: 'GET',
      path,
      query,
      authorization: token === null ? null : `Bearer ${token}`,
      ip: '127.0.0.1',
      baseUrl: BASE,
      lang,
    },
  );
}

/** Every resource of a type, following the next links. */
async function searchAll(token: string, type: string, query: Record<string, string> = {}) {
  const out: Resource[] = [];
  let answer = await get(token, `/${type}`, { ...query, _count: '200' });
  for (;;) {
    expect(answer.status).toBe(200);
    const bundle = answer.body as Bundle;
    out.push(...(bundle.entry ?? []).map((e) => e.resource!));
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (!next) return { resources: out, total: bundle.total ?? 0 };
    const url = new URL(next);
    answer = await get(token, url.pathname.replace('/fhir/R4', ''), Object.fromEntries(url.searchParams));
  }
}

describe('a token reads every resource type, and every resource validates', () => {
  it('serves PUMP-III and ARTERY-2 with no validator error', async () => {
    const { token } = await tokenOf('pi');
    const counts: Record<string, number> = {};
    const all: Resource[] = [];
    for (const type of fhirResourceTypes) {
      const { resources, total } = await searchAll(token, type);
      expect(resources.length, type).toBe(total);
      expect(resources.every((r) => r.resourceType === type)).toBe(true);
      counts[type] = resources.length;
      all.push(...resources);
    }
    console.info('FHIR resources served to the PI:', JSON.stringify(counts));
    for (const type of fhirResourceTypes) expect(counts[type], type).toBeGreaterThan(0);
    const participants = await h.row<{ n: number }>(
      'SELECT COUNT(*) AS n FROM participants WHERE voided_at IS NULL',
    );
    expect(counts.Patient).toBe(Number(participants?.n));
    expect(counts.ResearchStudy).toBe(2);
    expect(allFhirErrors(all)).toEqual([]);
    // Pseudonymous: the study ID is the only identifier, no name or birth date anywhere.
    for (const r of all.filter((x) => x.resourceType === 'Patient')) {
      expect(Object.keys(r).sort()).toEqual(['id', 'identifier', 'meta', 'resourceType']);
    }
    // Every reference resolves to a resource served.
    const ids = new Set(all.map((r) => `${r.resourceType}/${r.id}`));
    const refs = JSON.stringify(all).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) expect(ids).toContain(ref.slice(13, -1));
  });

  it('gives complications their Clavien–Dindo grade, cycles their dose and CEA its LOINC code', async () => {
    const { token } = await tokenOf('pi');
    const aes = (await searchAll(token, 'AdverseEvent', { study: 'pump-iii' })).resources as unknown as {
      extension: { url: string; valueCodeableConcept?: { coding: { system: string; code: string }[] } }[];
      severity: { coding: { code: string }[] };
    }[];
    const grades = aes.map(
      (a) => a.extension.find((e) => e.url.endsWith('complication-grade'))!.valueCodeableConcept!.coding[0]!,
    );
    expect(grades.some((g) => g.system === 'urn:trialdesk:clavien-dindo')).toBe(true);
    for (const [i, g] of grades.entries())
      if (g.system === 'urn:trialdesk:clavien-dindo')
        expect(aes[i]!.severity.coding[0]!.code).toBe(
          g.code === 'I' ? 'mild' : g.code === 'II' ? 'moderate' : 'severe',
        );
    const stored = await h.row<{ n: number }>(
      "SELECT COUNT(*) AS n FROM events WHERE trial_id = 'pump-iii' AND type = 'complication' AND voided_at IS NULL AND event_date <= '2026-11-26'",
    );
    expect(aes.length).toBe(Number(stored?.n));
    const cea = (await searchAll(token, 'Observation', { study: 'pump-iii' })).resources.filter(
      (o) => (o as { code: { coding?: { code: string }[] } }).code.coding?.[0]?.code === '2039-6',
    );
    expect(cea.length).toBeGreaterThan(0);
  });
});

describe('search and read', () => {
  it('filters by study and subject, pages with next and previous links, and reads by id', async () => {
    const { token } = await tokenOf('monitor');
    const subject = 'pump-iii.PUMP3-EMC-001';
    const first = await get(token, '/MedicationAdministration', {
      subject: `Patient/${subject}`,
      _count: '1',
    });
    const bundle = first.body as Bundle;
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBeGreaterThan(1);
    expect(bundle.entry).toHaveLength(1);
    for (const e of bundle.entry ?? [])
      expect((e.resource as { subject: { reference: string } }).subject.reference).toBe(`Patient/${subject}`);
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toContain('_offset=1');
    expect(bundle.link?.find((l) => l.relation === 'previous')).toBeUndefined();
    const url = new URL(next!);
    const second = (await get(token, '/MedicationAdministration', Object.fromEntries(url.searchParams)))
      .body as Bundle;
    expect(second.link?.find((l) => l.relation === 'previous')?.url).toContain('_offset=0');
    expect(second.entry?.[0]?.resource?.id).not.toBe(bundle.entry?.[0]?.resource?.id);

    const read = await get(token, `/Patient/${subject}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ resourceType: 'Patient', id: subject });
    const art = (await get(token, '/ResearchSubject', { study: 'artery-2', _count: '500' })).body as Bundle;
    expect(art.total).toBeGreaterThan(0);
    for (const e of art.entry ?? []) expect(e.resource?.id).toMatch(/^artery-2\./);
    expect(((await get(token, '/ResearchStudy', { study: 'pump-iii' })).body as Bundle).total).toBe(1);
  });

  it('answers as every trial built whole would: each type, a page across two trials, reads and _id', async () => {
    // The reference: every resource of every trial, built at once by the data-cut export's builder.
    const whole: Resource[] = [];
    for (const trial of await listTrials(h.open.db)) {
      const data = await loadTrialDataset(h.open.db, trial, dateInZone(h.clock.now));
      whole.push(...trialResources(trial.definition, data, (t, id) => `${t}/${id}`).map((r) => r.resource));
    }
    const { token } = await tokenOf('pi');
    for (const type of fhirResourceTypes) {
      const want = [...new Set(whole.filter((r) => r.resourceType === type).map((r) => r.id))];
      expect(
        (await searchAll(token, type)).resources.map((r) => r.id),
        type,
      ).toEqual(want);
    }
    const patients = whole.filter((r) => r.resourceType === 'Patient').map((r) => r.id);
    const firstOfArtery = patients.findIndex((id) => id?.startsWith('artery-2.'));
    expect(firstOfArtery).toBeGreaterThan(1);
    const across = (await get(token, '/Patient', { _offset: String(firstOfArtery - 2), _count: '4' }))
      .body as Bundle;
    expect(across.total).toBe(patients.length);
    expect(across.entry?.map((e) => e.resource?.id)).toEqual(
      patients.slice(firstOfArtery - 2, firstOfArtery + 2),
    );
    for (const type of [
      'MedicationAdministration',
      'Observation',
      'AdverseEvent',
      'ResearchSubject',
    ] as const) {
      const one = whole.filter((r) => r.resourceType === type).at(-1)!;
      expect((await get(token, `/${type}/${one.id}`)).body, type).toEqual(one);
      const byId = (await get(token, `/${type}`, { _id: one.id! })).body as Bundle;
      expect(
        byId.entry?.map((e) => e.resource),
        type,
      ).toEqual([one]);
    }
    // `study` keeps that trial's sites, each once.
    const artery = whole.find((r) => r.resourceType === 'ResearchStudy' && r.id === 'artery-2');
    const sites = (artery as { site?: { reference?: string }[] }).site?.map((x) => x.reference) ?? [];
    expect(sites.length).toBeGreaterThan(0);
    const locations = (await get(token, '/Location', { study: 'artery-2' })).body as Bundle;
    expect(locations.entry?.map((e) => `Location/${e.resource?.id}`).sort()).toEqual([...sites].sort());
  });

  it('answers errors with an OperationOutcome, in Dutch when asked', async () => {
    const { token } = await tokenOf('monitor');
    const missing = await get(token, '/Patient/pump-iii.PUMP3-EMC-999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found' }],
    });
    expect((await get(token, '/Encounter')).status).toBe(404);
    const bad = await get(token, '/Patient', { name: 'x' }, 'nl');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Onbekende zoekparameter: name');
    expect((await get(token, '/Patient', { _count: '0' })).status).toBe(400);
    expect((await get(token, '/Patient', { _count: 'abc' })).status).toBe(400);
  });

  it('serves the CapabilityStatement at /metadata without a token', async () => {
    const cap = await get(null, '/metadata');
    expect(cap.status).toBe(200);
    expect(cap.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(allFhirErrors([cap.body as Resource])).toEqual([]);
    const types = (cap.body as unknown as { rest: { resource: { type: string }[] }[] }).rest[0]!.resource.map(
      (r) => r.type,
    );
    expect(types).toEqual([...fhirResourceTypes]);
  });
});

describe('who sees what', () => {
  it("a coordinator's token sees only their centre; another centre's resource is 404 like a missing one", async () => {
    const { token } = await tokenOf('coord-emc');
    const subjects = (await searchAll(token, 'ResearchSubject')).resources;
    expect(subjects.length).toBeGreaterThan(0);
    for (const s of subjects) expect(s.id).toMatch(/^[a-z0-9-]+\.[A-Z0-9]+-EMC-\d{3}$/);
    for (const type of ['Observation', 'MedicationAdministration', 'AdverseEvent', 'Condition', 'Procedure'])
      for (const r of (await searchAll(token, type)).resources) expect(r.id, type).toMatch(/-EMC-\d{3}\./);
    const other = await get(token, '/Patient/pump-iii.PUMP3-AVL-001');
    const missing = await get(token, '/Patient/pump-iii.PUMP3-AVL-999');
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).toBe(
      JSON.stringify(missing.body).replace('PUMP3-AVL-999', 'PUMP3-AVL-001'),
    );
    // The PI reads that participant.
    expect((await get((await tokenOf('pi')).token, '/Patient/pump-iii.PUMP3-AVL-001')).status).toBe(200);
    const avlProc = await get(token, '/Procedure', { subject: 'pump-iii.PUMP3-AVL-001' });
    expect((avlProc.body as Bundle).total).toBe(0);
  });

  it('the steering committee sees the study, no participant', async () => {
    const { token } = await tokenOf('steering');
    expect(((await get(token, '/ResearchStudy')).body as Bundle).total).toBe(2);
    expect(((await get(token, '/Patient')).body as Bundle).total).toBe(0);
    expect((await get(token, '/Patient/pump-iii.PUMP3-EMC-001')).status).toBe(404);
  });

  it('no token, a revoked or an expired token: 401 with WWW-Authenticate', async () => {
    expect((await get(null, '/Patient')).status).toBe(401);
    const { token, id, caller } = await tokenOf('pi', 1);
    expect((await get(token, '/Patient')).status).toBe(200);
    const saved = h.clock.now;
    h.clock.now = new Date(saved.getTime() + 86_400_000);
    try {
      const expired = await get(token, '/Patient');
      expect(expired.status).toBe(401);
      expect(expired.headers?.['WWW-Authenticate']).toMatch(/^Bearer/);
      expect(expired.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    } finally {
      h.clock.now = saved;
    }
    await caller.tokens.revoke({ tokenId: id });
    expect((await get(token, '/Patient')).status).toBe(401);
  });

  it('audits the use of a token on the FHIR API', async () => {
    const { token, id } = await tokenOf('monitor');
    await get(token, '/ResearchStudy');
    const row = await lastAudit(h, 'token.used');
    expect(row.entity_id).toBe(String(id));
    expect(parsed(row.after)).toMatchObject({ surface: 'fhir' });
  });
});
