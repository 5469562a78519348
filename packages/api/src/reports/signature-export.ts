// Electronic signatures in the exports of a data cut (issue 14): the casebook signatures of the cut's
// participants and the signatures of the cut itself, each with its state when exported, "valid" or "no
// longer valid" (the data changed after signing, until signed again). A cut is frozen but a casebook is
// not: the state is the one at the moment of the export, and the export says so. One list for the CSV
// table, the ODM Signature/Annotation elements and the FHIR Provenance resources, so they cannot disagree.
import type { Coding, Provenance } from '@medplum/fhirtypes';
import type { Db } from '@trialdesk/db';
import { signaturesWithValidity, type SignatureView } from '../use-cases/signatures/signature-status.js';
import type { Cell, ColumnDef, ExportTable } from './export-tables.js';

export type ExportedSignature = SignatureView;

/** The signatures an export of this cut carries, oldest first. */
export async function cutExportSignatures(
  db: Db,
  trialId: string,
  cutId: number,
  studyIds: readonly string[],
): Promise<ExportedSignature[]> {
  const ids = new Set(studyIds);
  const all = await signaturesWithValidity(db, { trialId });
  return all
    .filter((s) => (s.kind === 'casebook' ? ids.has(s.entityId) : s.entityId === String(cutId)))
    .reverse();
}

export const signatureStatus = (s: ExportedSignature) => (s.valid ? 'valid' : 'no_longer_valid');

/** The latest casebook signature per study ID (the one that decides the casebook's state). */
export function latestCasebookSignatures(signatures: readonly ExportedSignature[]) {
  return new Map(signatures.filter((s) => s.kind === 'casebook' && s.latest).map((s) => [s.entityId, s]));
}

const col = (name: string, type: ColumnDef['type'], description: string, values?: readonly string[]) =>
  values ? { name, type, description, values } : { name, type, description };

export const signatureColumns: readonly ColumnDef[] = [
  col('study_id', 'text', 'Pseudonymous study ID of the signed casebook (empty for a data cut signature)'),
  col('signed_object', 'text', 'What was signed', ['casebook', 'data_cut']),
  col('data_cut_id', 'integer', 'The data cut signed (data cut signatures only)'),
  col('signed_at', 'text', 'Date and time of signing (UTC, ISO 8601)'),
  col('signer', 'text', 'Name of the signer'),
  col('signer_role', 'text', 'Role of the signer'),
  col('meaning', 'text', 'Meaning of the signature, as shown to the signer'),
  col('data_sha256', 'text', 'SHA-256 of the exact data signed'),
  col(
    'status',
    'text',
    'At the moment of the export: valid (the data still hash the same) or no_longer_valid (changed after signing, until signed again)',
    ['valid', 'no_longer_valid'],
  ),
  col(
    'latest',
    'boolean',
    'The latest signature of its casebook or data cut (the one that decides its state)',
  ),
];

export function signatureTable(signatures: readonly ExportedSignature[]): ExportTable {
  return {
    name: 'signatures',
    description:
      'Electronic signatures (21 CFR Part 11) of the casebooks of this cut and of the cut itself, with their state at the moment of the export',
    columns: signatureColumns,
    rows: signatures.map((s): Cell[] => [
      s.kind === 'casebook' ? s.entityId : null,
      s.kind,
      s.kind === 'data_cut' ? Number(s.entityId) : null,
      s.signedAt,
      s.signerName,
      s.signerRole,
      s.meaning,
      s.dataHash,
      signatureStatus(s),
      s.latest,
    ]),
  };
}

/** The words of a signature's state for the ODM annotation and the FHIR Provenance text. */
export function signatureStatement(s: ExportedSignature): string {
  const what = s.kind === 'casebook' ? `Casebook ${s.entityId}` : `Data cut ${s.entityId}`;
  const state = s.valid
    ? 'valid at export'
    : 'NO LONGER VALID at export: the data changed after signing; to be signed again';
  return `${what} signed by ${s.signerName} (${s.signerRole}) at ${s.signedAt}, SHA-256 ${s.dataHash}: ${state}.`;
}

/**
 * A signature as a FHIR R4 Provenance of what it signed (the casebook's ResearchSubject, or the study for a
 * data cut): the signer, the moment, a verification signature (ISO/ASTM E1762), and its state at export in
 * an extension (valid or no-longer-valid) and in words.
 */
export function signatureProvenance(
  s: ExportedSignature,
  target: string,
  syntheticTag: Coding | null,
): Provenance & { id: string } {
  const who = { display: `${s.signerName} (${s.signerRole})` };
  return {
    resourceType: 'Provenance',
    id: `signature-${s.id}`,
    ...(syntheticTag ? { meta: { tag: [syntheticTag] } } : {}),
    extension: [
      {
        url: 'urn:trialdesk:fhir:extension:signature-status',
        valueCode: s.valid ? 'valid' : 'no-longer-valid',
      },
      { url: 'urn:trialdesk:fhir:extension:signed-data-sha256', valueString: s.dataHash },
    ],
    target: [{ reference: target }],
    recorded: s.signedAt,
    reason: [{ text: signatureStatement(s) }],
    agent: [{ who }],
    signature: [
      {
        type: [
          {
            system: 'urn:iso-astm:E1762-95:2013',
            code: '1.2.840.10065.1.12.1.5',
            display: 'Verification Signature',
          },
        ],
        when: s.signedAt,
        who,
      },
    ],
  };
}
