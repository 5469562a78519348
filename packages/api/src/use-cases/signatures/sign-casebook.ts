// The PI signs a participant's casebook: the password was re-entered (auth/confirm-password.ts) just before;
// the hash is taken inside the signing transaction, after the write lock, so what is signed is exactly what
// was there when the signature was stored.
import { entryMessage, type signCasebookInput, type signDataCutInput } from '@trialdesk/domain';
import { findDataCut, verifyDataCut, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { AppError } from '../../errors.js';
import { cutNotFound } from '../../reports/source.js';
import { publishChange, type UseCaseDeps } from '../deps.js';
import { casebookHash } from './casebook-hash.js';
import { recordSignature } from './record-signature.js';

export async function signCasebook(deps: UseCaseDeps, input: z.output<typeof signCasebookInput>) {
  const trial = await loadTrial(deps, input.trialId);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'casebook:sign', trial.id, input.studyId);
    const signed = await recordSignature(deps, trx, {
      trialId: trial.id,
      kind: 'casebook',
      entityId: p.studyId,
      centre: p.centre,
      participant: { id: p.id, studyId: p.studyId },
      meaning: entryMessage('signature.meaning.casebook', deps.lang),
      dataHash: await casebookHash(trx, p),
    });
    return { ...signed, centre: p.centre };
  });
  publishChange(deps, trial.id, 'signature', result.centre);
  const { centre: _c, ...answer } = result;
  return answer;
}

/** A data cut is frozen: its signature binds to the cut's own content hash, checked against the snapshot. */
export async function signDataCut(deps: UseCaseDeps, input: z.output<typeof signDataCutInput>) {
  const trial = await loadTrial(deps, input.trialId);
  const result = await writeTransaction(deps.db, async (trx) => {
    const cut = await findDataCut(trx, trial.id, input.cutId);
    if (!cut) throw cutNotFound(input.cutId);
    const check = verifyDataCut(cut);
    if (!check.ok)
      throw new AppError(
        'CONFLICT',
        'datacut.broken',
        'The stored data cut no longer matches its hash: it cannot be signed.',
      );
    return recordSignature(deps, trx, {
      trialId: trial.id,
      kind: 'data_cut',
      entityId: String(cut.id),
      centre: null,
      participant: null,
      meaning: entryMessage('signature.meaning.data_cut', deps.lang),
      dataHash: cut.contentHash,
    });
  });
  publishChange(deps, trial.id, 'signature', null);
  return result;
}
