// Electronic signatures (21 CFR Part 11 §11.50, §11.200; EU Annex 11): the signer re-enters their password at
// the moment of signing; the signature keeps the signer's name, the date and time, the meaning as shown, and
// a SHA-256 of the exact data signed. Generic: a signature is sign(entity kind, entity id, meaning, hash),
// so any record (a casebook, a data cut, later a committee meeting record) can be signed the same way. It
// is valid while the data hash the same; a later correction makes it "no longer valid" until signed again.
import { z } from 'zod';
import { entryStudyId, entryTrialId, recordId } from '../entry/common.js';

export const signatureKinds = ['casebook', 'data_cut'] as const;
export type SignatureKind = (typeof signatureKinds)[number];

/** The state of a signature against the data as they are now. */
export type SignatureValidity = 'valid' | 'invalidated';

/** The password is checked, never stored or logged; bounded like every password the API takes. */
const password = z.string().min(1).max(200);

export const signCasebookInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId,
  password,
});
export const signDataCutInput = z.strictObject({ trialId: entryTrialId, cutId: recordId, password });
export const signatureListInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId.optional(),
});
