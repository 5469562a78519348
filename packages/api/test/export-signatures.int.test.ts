// Signatures in the exports of a data cut (issue 14): the CSV table, the ODM Signature and Annotation
// elements and the FHIR Provenance resources carry each casebook's latest signature and the cut's own with
// their state at the export, so a signature re-opened by a later correction reads "no longer valid" there
// as on screen; the committee report (and its PDF) counts casebooks by state and states the cut's own
// signature, without study IDs. The demo has PUMP3-IJS-001 signed and PUMP3-IJS-004 signed and corrected.
import type { Resource } from '@medplum/fhirtypes';
import { DEMO_PASSWORD } from '@trialdesk/db';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFhirErrors } from './fhir-validate.js';
import { createHarness, type Harness } from './harness.js';
import { pageTexts } from './pdf-text.js';

let h: Harness;
let cutId: number;
const trialId = 'pump-iii';
beforeAll(async () => {
  h = await createHarness();
  const pi = await h.as('pi');
  cutId = (await pi.committee.dataCuts.create({ trialId, label: 'Signed cut', asOf: '2026-10-31' })).id;
  await pi.signatures.signDataCut({ trialId, cutId, password: DEMO_PASSWORD });
});
afterAll(() => h.close());

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('signatures in the exports of a data cut', () => {
  it('CSV: signatures.csv lists each signature with its state, described in the dictionary', async () => {
    const file = await (await h.as('pi')).committee.exports.csv({ trialId, cutId });
    const files = unzipSync(Buffer.from(file.base64, 'base64'));
    const rows = strFromU8(files['signatures.csv'] ?? new Uint8Array())
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'study_id,centre,signed_object,data_cut_id,signed_at,signer,signer_role,meaning,data_sha256,status,latest',
    );
    const of = (prefix: string) => rows.filter((r) => r.startsWith(prefix));
    expect(of('PUMP3-IJS-004,')).toHaveLength(1);
    expect(of('PUMP3-IJS-004,')[0]).toMatch(
      /,Demo principal investigator,pi,.*,[0-9a-f]{64},no_longer_valid,true$/,
    );
    expect(of('PUMP3-IJS-001,')[0]).toMatch(/,valid,true$/);
    expect(of(`,,data_cut,${cutId},`)[0]).toMatch(/,valid,true$/);
    const dictionary = strFromU8(files['data_dictionary.csv'] ?? new Uint8Array());
    expect(dictionary).toContain('signatures,status,text,');
  });

  it('ODM: the signature in the subject, its state in an annotation, the cut signature in ClinicalData', async () => {
    const file = await (await h.as('pi')).committee.exports.odm({ trialId, cutId });
    const xml = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const odm = (
      new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
        ODM: {
          AdminData: {
            User: { OID: string; FullName?: string }[];
            SignatureDef: { OID: string; Meaning: string };
          };
          ClinicalData: {
            SubjectData: {
              SubjectKey: string;
              Signature?: {
                UserRef: { UserOID: string };
                SignatureRef: { SignatureOID: string };
                DateTimeStamp: string;
              };
              Annotation?: { Comment: { '#text': string } };
            }[];
            Signatures: { Signature: unknown };
            Annotations: { Annotation: { Comment: { '#text': string } } };
          };
        };
      }
    ).ODM;
    const subject = (id: string) => odm.ClinicalData.SubjectData.find((s) => s.SubjectKey === id);
    const reopened = subject('PUMP3-IJS-004');
    expect(reopened?.Signature?.DateTimeStamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(reopened?.Annotation?.Comment['#text']).toContain('NO LONGER VALID at export');
    expect(subject('PUMP3-IJS-001')?.Annotation?.Comment['#text']).toContain(': valid at export.');
    expect(subject('PUMP3-EMC-016')?.Signature).toBeUndefined();
    const signer = asArray(odm.AdminData.User).find((u) => u.OID === reopened?.Signature?.UserRef.UserOID);
    expect(signer?.FullName).toBe('Demo principal investigator');
    expect(asArray(odm.AdminData.SignatureDef).map((d) => d.OID)).toContain(
      reopened?.Signature?.SignatureRef.SignatureOID,
    );
    expect(asArray(odm.ClinicalData.Signatures.Signature)).toHaveLength(1);
    expect(odm.ClinicalData.Annotations.Annotation.Comment['#text']).toContain(`Data cut ${cutId} signed by`);
  });

  it('FHIR: a Provenance per signed casebook and for the cut, with the state at export', async () => {
    const file = await (await h.as('pi')).committee.exports.fhir({ trialId, cutId });
    const bundle = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const provenances = bundle.entry
      .map(
        (e) =>
          e.resource as {
            resourceType: string;
            target?: { reference: string }[];
            extension?: { url: string; valueCode?: string }[];
            reason?: { text: string }[];
          },
      )
      .filter((r) => r.resourceType === 'Provenance');
    const status = (p: (typeof provenances)[number]) =>
      p.extension?.find((x) => x.url === 'urn:trialdesk:fhir:extension:signature-status')?.valueCode;
    const about = (text: string) => provenances.find((p) => p.reason?.[0]?.text.startsWith(text));
    expect(status(about('Casebook PUMP3-IJS-004 ')!)).toBe('no-longer-valid');
    expect(status(about('Casebook PUMP3-IJS-001 ')!)).toBe('valid');
    expect(status(about(`Data cut ${cutId} `)!)).toBe('valid');
    // Every Provenance points at a resource of the bundle and is valid R4.
    for (const p of provenances) for (const t of p.target ?? []) expect(urls.has(t.reference)).toBe(true);
    expect(allFhirErrors(provenances as unknown as Resource[])).toEqual([]);
  });

  it("report: casebooks counted by state and the cut's own signature, without study IDs", async () => {
    const steering = await h.as('steering');
    const report = await steering.committee.report.get({ trialId, cutId });
    expect(report.signatures?.casebooks).toEqual({ signed: 5, invalidated: 1, unsigned: 39 });
    expect(report.signatures?.cut).toMatchObject({ signerName: 'Demo principal investigator', valid: true });
    const pdf = await steering.committee.report.pdf({ trialId, cutId });
    const text = pageTexts(Buffer.from(pdf.base64, 'base64')).join('\n');
    expect(text).toContain('Electronic signatures');
    expect(text).toContain('1 signature no longer valid (the data changed after signing)');
    expect(text).toContain('This data cut was signed by Demo principal investigator on');
    expect(text).not.toContain('PUMP3-IJS-004');
    const live = await steering.committee.report.get({ trialId });
    expect(live.signatures?.cut).toBeNull();
  });
});
