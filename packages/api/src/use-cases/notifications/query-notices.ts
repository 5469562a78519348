// Mails and in-app notices of data queries, written in the query step's transaction: a query a person opens
// goes to the coordinators of the participant's centre (they answer it); an answer goes to the person who
// opened the query. Automatic queries notify no one by themselves: the sweep opens them by the dozen, and the
// coordinator's worklist and the weekly digest already show what is overdue.
import { findRecipient, type Db } from '@trialdesk/db';
import { notify, recipientsInTrial } from './notify.js';

interface QueryNotice {
  trialId: string;
  trialCode: string;
  centre: string;
  studyId: string;
  queryId: number;
}

const link = (q: QueryNotice) => `/trials/${q.trialId}/queries`;

export async function noticeQueryOpened(trx: Db, deps: { clock: () => Date }, q: QueryNotice) {
  return notify(trx, deps, {
    kind: 'query.opened',
    trialId: q.trialId,
    recipients: await recipientsInTrial(trx, q.trialId, 'coordinator', q.centre),
    params: { trial: q.trialCode, studyId: q.studyId, queryId: q.queryId },
    link: link(q),
    dedupeKey: `query.opened:${q.queryId}`,
  });
}

export async function noticeQueryAnswered(
  trx: Db,
  deps: { clock: () => Date },
  q: QueryNotice & { openedBy: number | null; answeredBy: number },
) {
  if (q.openedBy === null || q.openedBy === q.answeredBy) return { notified: 0, mailed: 0 };
  const opener = await findRecipient(trx, q.openedBy);
  return notify(trx, deps, {
    kind: 'query.answered',
    trialId: q.trialId,
    recipients: opener ? [opener] : [],
    params: { trial: q.trialCode, studyId: q.studyId, queryId: q.queryId },
    link: link(q),
  });
}
