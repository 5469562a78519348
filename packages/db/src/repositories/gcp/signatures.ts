// Electronic signatures: append-only rows (the database refuses UPDATE and DELETE). Validity is never
// stored: it is computed by comparing a signature's data hash with the hash of the data as they are now.
import type { Selectable } from 'kysely';
import type { Db } from '../../database.js';
import type { SignaturesTable } from '../../schema.js';

export interface Signature {
  id: number;
  trialId: string;
  kind: string;
  entityId: string;
  centre: string | null;
  participantId: number | null;
  meaning: string;
  dataHash: string;
  signerId: number | null;
  signerName: string;
  signerRole: string;
  signedAt: string;
  synthetic: boolean;
}

function toSignature(r: Selectable<SignaturesTable>): Signature {
  return {
    id: r.id,
    trialId: r.trial_id,
    kind: r.kind,
    entityId: r.entity_id,
    centre: r.centre,
    participantId: r.participant_id,
    meaning: r.meaning,
    dataHash: r.data_hash,
    signerId: r.signer_id,
    signerName: r.signer_name,
    signerRole: r.signer_role,
    signedAt: r.signed_at,
    synthetic: r.synthetic === 1,
  };
}

export type NewSignature = Omit<Signature, 'id' | 'synthetic'> & { synthetic?: boolean };

export async function insertSignature(trx: Db, s: NewSignature): Promise<number> {
  const row = await trx
    .insertInto('signatures')
    .values({
      trial_id: s.trialId,
      kind: s.kind,
      entity_id: s.entityId,
      centre: s.centre,
      participant_id: s.participantId,
      meaning: s.meaning,
      data_hash: s.dataHash,
      signer_id: s.signerId,
      signer_name: s.signerName,
      signer_role: s.signerRole,
      signed_at: s.signedAt,
      synthetic: s.synthetic ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Signatures of a trial, newest first; optionally of one kind, one entity, or one centre. */
export async function listSignatures(
  db: Db,
  f: { trialId: string; kind?: string; entityId?: string; centre?: string | null },
): Promise<Signature[]> {
  let q = db.selectFrom('signatures').selectAll().where('trial_id', '=', f.trialId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.centre) q = q.where('centre', '=', f.centre);
  return (await q.orderBy('id', 'desc').execute()).map(toSignature);
}
