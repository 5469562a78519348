// Signatures with their validity, computed now: a casebook signature holds while the casebook hashes the
// same as when it was signed; a data cut signature while the frozen cut still matches its hash. Only the
// latest signature of an entity decides its state; the earlier ones stay listed as the history.
import { centreScope, type Actor, type Lang } from '@trialdesk/domain';
import {
  findDataCut,
  findParticipant,
  listParticipants,
  listSignatures,
  verifyDataCut,
  type Db,
  type Signature,
} from '@trialdesk/db';
import { casebookHash } from './casebook-hash.js';

export interface SignatureView {
  id: number;
  kind: string;
  entityId: string;
  centre: string | null;
  meaning: string;
  dataHash: string;
  signerName: string;
  signerRole: string;
  signedAt: string;
  /** Whether the data still hash the same; false: "no longer valid" until signed again. */
  valid: boolean;
  /** Whether this is the entity's latest signature (the one that decides its state). */
  latest: boolean;
  synthetic: boolean;
}

export type CasebookState = 'unsigned' | 'signed' | 'invalidated';

/** The current hash of what a signature signed, or null when the entity is gone (a voided casebook). */
async function currentHash(db: Db, trialId: string, s: Signature): Promise<string | null> {
  if (s.kind === 'casebook') {
    const p = await findParticipant(db, trialId, s.entityId);
    return p && p.voided === null ? casebookHash(db, p) : null;
  }
  if (s.kind === 'data_cut') {
    const cut = await findDataCut(db, trialId, Number(s.entityId));
    return cut && verifyDataCut(cut).ok ? cut.contentHash : null;
  }
  return null;
}

export async function signaturesWithValidity(
  db: Db,
  f: { trialId: string; kind?: string; entityId?: string; centre?: string | null },
): Promise<SignatureView[]> {
  const all = await listSignatures(db, f);
  const hashes = new Map<string, string | null>();
  const seen = new Set<string>();
  const out: SignatureView[] = [];
  for (const s of all) {
    const key = `${s.kind}:${s.entityId}`;
    if (!hashes.has(key)) hashes.set(key, await currentHash(db, f.trialId, s));
    out.push({
      id: s.id,
      kind: s.kind,
      entityId: s.entityId,
      centre: s.centre,
      meaning: s.meaning,
      dataHash: s.dataHash,
      signerName: s.signerName,
      signerRole: s.signerRole,
      signedAt: s.signedAt,
      valid: hashes.get(key) === s.dataHash,
      latest: !seen.has(key),
      synthetic: s.synthetic,
    });
    seen.add(key);
  }
  return out;
}

/**
 * Every current casebook of the trial (a coordinator's: their centre's) with its state, for the PI's
 * signing list before a data cut: unsigned, signed (valid), or invalidated by a later change.
 */
export async function casebookStates(
  db: Db,
  asker: { actor: Actor; lang: Lang },
  trialId: string,
): Promise<{ studyId: string; centre: string; state: CasebookState; signature: SignatureView | null }[]> {
  return casebookStatesAt(db, trialId, centreScope(asker.actor, 'participant:read'));
}

async function casebookStatesAt(
  db: Db,
  trialId: string,
  centre: string | null,
): Promise<{ studyId: string; centre: string; state: CasebookState; signature: SignatureView | null }[]> {
  const signatures = await signaturesWithValidity(db, { trialId, kind: 'casebook', centre });
  const latest = new Map(signatures.filter((s) => s.latest).map((s) => [s.entityId, s]));
  const { rows } = await listParticipants(
    db,
    trialId,
    { centre, today: '9999-12-31' },
    { offset: 0, limit: 1_000_000 },
  );
  return rows.map((p) => {
    const s = latest.get(p.studyId) ?? null;
    return {
      studyId: p.studyId,
      centre: p.centre,
      state: s === null ? 'unsigned' : s.valid ? 'signed' : 'invalidated',
      signature: s,
    };
  });
}

/** What the committee report says of signatures: counts only (no study IDs), and the cut's own signature. */
export interface SignatureSummary {
  casebooks: Record<CasebookState, number>;
  cut: { signerName: string; signedAt: string; valid: boolean } | null;
}

export async function signatureSummary(
  db: Db,
  trialId: string,
  cutId: number | null,
): Promise<SignatureSummary> {
  const casebooks: Record<CasebookState, number> = { unsigned: 0, signed: 0, invalidated: 0 };
  for (const c of await casebookStatesAt(db, trialId, null)) casebooks[c.state] += 1;
  const cut =
    cutId === null
      ? undefined
      : (await signaturesWithValidity(db, { trialId, kind: 'data_cut', entityId: String(cutId) })).find(
          (s) => s.latest,
        );
  return {
    casebooks,
    cut: cut ? { signerName: cut.signerName, signedAt: cut.signedAt, valid: cut.valid } : null,
  };
}
