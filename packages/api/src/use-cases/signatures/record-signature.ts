// The one generic signing step: sign(entity kind, entity id, meaning, hash of the exact data). It stores the
// signer's name and role, the moment and the meaning as shown, with its audit entry, in the caller's
// transaction. Casebooks and data cuts use it; a committee's meeting record can use it the same way.
import type { SignatureKind } from '@trialdesk/domain';
import { insertSignature, type Db } from '@trialdesk/db';
import { nowIso } from '../../context.js';
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

export async function recordSignature(deps: UseCaseDeps, trx: Db, t: SignatureTarget) {
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
