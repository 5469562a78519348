// The one generic signing step: sign(entity kind, entity id, meaning, hash of the exact data). It stores the
// signer's name and role, the moment and the meaning as shown, with its audit entry, in the caller's
// transaction. Casebooks and data cuts use it; a committee's meeting record can use it the same way.
import { formatCalendarDateIn, type SignatureKind } from '@trialdesk/domain';
import { insertSignature, listSignatures, type Db } from '@trialdesk/db';
import { nowIso } from '../../context.js';
import { appError } from '../../field-errors.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';

export interface SignatureTarget {
  trialId: string;
  kind: SignatureKind;
  entityId: string;
  centre: string | null;
  participant: { id: number; studyId: string } | null;
  meaning: string;
  dataHash: string;
}

/**
 * A double submit (Enter twice, two tabs, a retried request) must not sign twice: a signer whose signature
 * already binds to exactly these data is refused. Only the newest run of signatures of the same hash counts,
 * so after a change (and even after a change undone) the signer can sign again. Read in the signing
 * transaction, after the write lock, so two sends at once sign once.
 */
async function refuseSignedAlready(deps: UseCaseDeps, trx: Db, t: SignatureTarget): Promise<void> {
  const newestFirst = await listSignatures(trx, { trialId: t.trialId, kind: t.kind, entityId: t.entityId });
  for (const s of newestFirst) {
    if (s.dataHash !== t.dataHash) return;
    if (s.signerId === deps.actor.id)
      throw appError(deps, 'CONFLICT', 'signature.already', {
        at: formatCalendarDateIn(s.signedAt.slice(0, 10), deps.lang),
      });
  }
}

export async function recordSignature(deps: UseCaseDeps, trx: Db, t: SignatureTarget) {
  await refuseSignedAlready(deps, trx, t);
  const signedAt = nowIso(deps);
  const id = await insertSignature(trx, {
    trialId: t.trialId,
    kind: t.kind,
    entityId: t.entityId,
    centre: t.centre,
    participantId: t.participant?.id ?? null,
    meaning: t.meaning,
    dataHash: t.dataHash,
    signerId: deps.actor.id,
    signerName: deps.actor.displayName,
    signerRole: deps.actor.role,
    signedAt,
  });
  await writeAudit(deps, trx, {
    action: 'signature.signed',
    entityType: 'signature',
    entityId: String(id),
    trialId: t.trialId,
    centre: t.centre,
    participant: t.participant?.studyId ?? null,
    reason: null,
    before: null,
    after: {
      kind: t.kind,
      signedEntityId: t.entityId,
      meaning: t.meaning,
      dataHash: t.dataHash,
      signerName: deps.actor.displayName,
    },
  });
  return { signatureId: id, signedAt, dataHash: t.dataHash, meaning: t.meaning };
}
