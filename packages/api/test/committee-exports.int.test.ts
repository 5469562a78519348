// Exports of a data cut (the PI; the administrator too once the outcome-visibility setting names the role):
// the CSV zip with its data dictionary, CDISC ODM 1.3.2 XML and the
// FHIR R4 bundle; structure checked, every export audited, everyone else refused.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { allFhirErrors } from './fhir-validate.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
let cutId: number;
let hash: string;
beforeAll(async () => {
  h = await createHarness();
  const cut = await (
    await h.as('pi')
  ).committee.dataCuts.create({
    trialId: 'pump-iii',
    label: 'Export cut',
    asOf: '2026-10-31',
  });
  cutId = cut.id;
  hash = cut.contentHash;
});
afterAll(() => h.close());

const trialId = 'pump-iii';
const exportsAudited = async () =>
  (await h.row<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.created'`))!.n;
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('who may export', () => {
  it('refuses the steering committee, coordinators and the monitor', async () => {
    for (const u of ['steering', 'coord-emc', 'monitor']) {
      const c = await h.as(u);
      await expectCode(c.committee.exports.csv({ trialId, cutId }), 'FORBIDDEN');
      await expectCode(c.committee.exports.odm({ trialId, cutId }), 'FORBIDDEN');
      await expectCode(c.committee.exports.fhir({ trialId, cutId }), 'FORBIDDEN');
    }
  });

  it('refuses bad input and unknown cuts, auditing nothing', async () => {
    const before = await exportsAudited();
    const pi = await h.as('pi');
    await expectCode(pi.committee.exports.csv({ trialId, cutId: -1 }), 'BAD_REQUEST');
    await expectCode(pi.committee.exports.odm({ trialId: 'BAD', cutId }), 'BAD_REQUEST');
    await expectCode(pi.committee.exports.fhir({ trialId, cutId: 4242 }), 'NOT_FOUND');
    expect(await exportsAudited()).toBe(before);
  });
});

describe('CSV', () => {
  it('zips one file per table, a data dictionary and a README with the hash', async () => {
    const before = await exportsAudited();
    const file = await (await h.as('pi')).committee.exports.csv({ trialId, cutId });
    expect(file.mimeType).toBe('application/zip');
    const files = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'assessments.csv',
        'data_dictionary.csv',
        'endpoints.csv',
        'events.csv',
        'participants.csv',
        'read_export.R',
        'read_export.do',
        'read_export.sps',
        'screenings.csv',
        'signatures.csv',
        'treatment_cycles.csv',
      ].sort(),
    );
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    expect(text('README.txt')).toContain(hash);
    const participants = text('participants.csv').trim().split('\r\n');
    expect(participants[0]).toBe(
      'study_id,centre,inclusion_date,consent_date,age_at_inclusion,sex,surgery_date,pump_date,time_zero,follow_up_end,off_study_date,off_study_reason',
    );
    expect(participants).toHaveLength(46);
    const events = text('events.csv').trim().split('\r\n');
    const dbEvents = (await h.row<{ n: number }>(
      `SELECT COUNT(*) AS n FROM events WHERE trial_id = ? AND event_date <= '2026-10-31'`,
      trialId,
    ))!;
    expect(events).toHaveLength(dbEvents.n + 1);
    // Every column of every table is described in the dictionary.
    const dictionary = text('data_dictionary.csv')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',').slice(0, 2).join('.'));
    for (const name of Object.keys(files).filter((f) => f.endsWith('.csv') && f !== 'data_dictionary.csv')) {
      const header = text(name).split('\r\n')[0]?.split(',') ?? [];
      for (const col of header) expect(dictionary).toContain(`${name.replace('.csv', '')}.${col}`);
    }
    expect(text('endpoints.csv').split('\r\n')[1]).toMatch(/^PUMP3-[A-Z]+-\d{3},[A-Z]+,(hdfs|dfs|os),/);
    expect(await exportsAudited()).toBe(before + 1);
  });
});

describe('CDISC ODM 1.3.2', () => {
  it('is well-formed XML with study metadata, subjects with site references, and audit records', async () => {
    const before = await exportsAudited();
    const file = await (await h.as('pi')).committee.exports.odm({ trialId, cutId });
    const xml = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      ODM: Record<string, unknown> & {
        Study: { OID: string; MetaDataVersion: Record<string, unknown> };
        AdminData: { Location: { OID: string }[]; User: unknown };
        ClinicalData: {
          StudyOID: string;
          MetaDataVersionOID: string;
          SubjectData: { SubjectKey: string; SiteRef: { LocationOID: string }; StudyEventData: unknown }[];
          AuditRecords: { AuditRecord: unknown };
        };
      };
    };
    const odm = doc.ODM;
    expect(odm.ODMVersion).toBe('1.3.2');
    expect(odm.FileType).toBe('Snapshot');
    expect(odm.xmlns).toBe('http://www.cdisc.org/ns/odm/v1.3');
    const mdv = odm.Study.MetaDataVersion;
    for (const key of ['StudyEventDef', 'FormDef', 'ItemGroupDef', 'ItemDef', 'CodeList'])
      expect(asArray(mdv[key] as unknown[]).length).toBeGreaterThan(0);
    // Every ItemRef points to an ItemDef, every CodeListRef to a CodeList.
    const itemDefs = new Set(asArray(mdv.ItemDef as { OID: string }[]).map((d) => d.OID));
    for (const g of asArray(mdv.ItemGroupDef as { ItemRef: { ItemOID: string }[] }[]))
      for (const r of asArray(g.ItemRef)) expect(itemDefs).toContain(r.ItemOID);
    const cd = odm.ClinicalData;
    expect(cd.StudyOID).toBe(odm.Study.OID);
    expect(cd.SubjectData).toHaveLength(45);
    const locations = new Set(odm.AdminData.Location.map((l) => l.OID));
    for (const s of cd.SubjectData) {
      expect(s.SubjectKey).toMatch(/^PUMP3-/);
      expect(locations).toContain(s.SiteRef.LocationOID);
    }
    expect(asArray(cd.AuditRecords.AuditRecord).length).toBeGreaterThan(0);
    // The trail as it stood when the cut was frozen: the seeding is in it, the freeze itself comes after.
    expect(xml).toContain('demo.seeded trial pump-iii');
    expect(xml).not.toContain('datacut.created');
    expect(await exportsAudited()).toBe(before + 1);
  });
});

describe('FHIR R4', () => {
  it('is a collection bundle with one ResearchStudy and a ResearchSubject per participant, references resolved', async () => {
    const before = await exportsAudited();
    const file = await (await h.as('pi')).committee.exports.fhir({ trialId, cutId });
    const bundle = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry.length);
    const of = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type);
    expect(of('ResearchStudy')).toHaveLength(1);
    expect(of('ResearchStudy')[0]?.resource.status).toBe('closed-to-accrual');
    const subjects = of('ResearchSubject');
    expect(subjects).toHaveLength(45);
    const allowed = ['on-study', 'on-study-intervention', 'follow-up', 'off-study', 'withdrawn'];
    for (const { resource } of subjects) {
      expect(allowed).toContain(resource.status);
      const study = resource.study as { reference: string };
      const individual = resource.individual as { reference: string };
      expect(urls).toContain(study.reference);
      expect(urls).toContain(individual.reference);
      expect((resource.identifier as { value: string }[])[0]?.value).toMatch(/^PUMP3-/);
    }
    for (const { resource } of of('Patient')) {
      expect(resource).not.toHaveProperty('name');
      expect(resource).not.toHaveProperty('birthDate');
    }
    // Withdrawn participants in the cut are "withdrawn"; died and lost are "off-study".
    const withdrawn = (await h.row<{ n: number }>(
      `SELECT COUNT(*) AS n FROM participants WHERE trial_id = ? AND off_study_reason = 'withdrawn' AND off_study_date <= '2026-10-31'`,
      trialId,
    ))!;
    expect(subjects.filter((s) => s.resource.status === 'withdrawn')).toHaveLength(withdrawn.n);
    expect(await exportsAudited()).toBe(before + 1);
    // The same clinical resources the FHIR API serves (one builder), each valid R4, every reference inside.
    for (const type of [
      'Location',
      'Procedure',
      'MedicationAdministration',
      'Observation',
      'Condition',
      'AdverseEvent',
    ])
      expect(of(type).length, type).toBeGreaterThan(0);
    expect(allFhirErrors([bundle as unknown as Resource])).toEqual([]);
    expect(allFhirErrors(bundle.entry.map((e) => e.resource as unknown as Resource))).toEqual([]);
    const refs = JSON.stringify(bundle.entry).match(/"reference":"[^"]+"/g) ?? [];
    for (const ref of refs) expect(urls).toContain(ref.slice(13, -1));
  });
});

describe('export tables', () => {
  it('give every row exactly one cell per column, in CSV and ODM alike', async () => {
    const { exportTables } = await import('../src/reports/export-tables.js');
    const { findTrial, loadTrialDataset } = await import('@trialdesk/db');
    const trial = (await findTrial(h.open.db, trialId))!;
    const data = await loadTrialDataset(h.open.db, trial, '2026-11-26');
    const tables = exportTables(trial.definition, data);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['participants', 'treatment_cycles', 'assessments', 'events']),
    );
    for (const t of tables) {
      expect(t.rows.length, t.name).toBeGreaterThan(0);
      for (const row of t.rows) expect(row, t.name).toHaveLength(t.columns.length);
    }
    const participants = tables.find((t) => t.name === 'participants')!;
    expect(participants.rows[0]![0]).toMatch(/^PUMP3-(EMC|IJS|AVL)-\d{3}$/);
  });
});
