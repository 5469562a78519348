// A new serious adverse event reaches every PI of the trial at once, in the app and by mail (a kind nobody
// can switch off), written in the report's own transaction: the notice exists exactly when the SAE does.
// The mail names the participant by study ID and the initial report's due instant, never the description.
import type { Db } from '@trialdesk/db';
import { notify, recipientsInTrial } from './notify.js';

interface SaeNotice {
  trialId: string;
  trialCode: string;
  studyId: string;
  saeId: number;
  /** When the initial report is due (ISO instant). */
  dueAt: string;
}

export async function noticeSaeReported(trx: Db, deps: { clock: () => Date }, s: SaeNotice) {
  return notify(trx, deps, {
    kind: 'sae.new',
    trialId: s.trialId,
    recipients: await recipientsInTrial(trx, s.trialId, 'pi'),
    params: { trial: s.trialCode, studyId: s.studyId, report: 'initial', due: s.dueAt },
    link: `/trials/${s.trialId}/participants/${s.studyId}`,
    dedupeKey: `sae.new:${s.saeId}`,
  });
}
