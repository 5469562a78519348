// The conversation of a query after it is opened: the site answers (coordinators of its centre), a holder
// of query:open closes it or sends it back. Each step is a row of query_steps and one audit entry, in the
// transaction that moves the query's status; a step that does not fit the status is refused in words.
import type { EntryMessageKey, Permission, QueryStatus } from '@trialdesk/domain';
import { insertQueryStep, setQueryStatus, writeTransaction } from '@trialdesk/db';
import { nowIso } from '../../context.js';
import { appError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { loadQueryFor } from './query-access.js';
import { noticeQueryAnswered } from '../notifications/query-notices.js';

interface Step {
  permission: Permission;
  kind: 'answer' | 'close' | 'reopen';
  /** The statuses this step may start from, and the refusal otherwise. */
  from: readonly QueryStatus[];
  refusal: EntryMessageKey;
  to: 'answered' | 'closed' | 'open';
}

const steps = {
  answer: {
    permission: 'query:answer',
    kind: 'answer',
    from: ['open'],
    refusal: 'query.status.answer',
    to: 'answered',
  },
  close: {
    permission: 'query:open',
    kind: 'close',
    from: ['open', 'answered'],
    refusal: 'query.status.close',
    to: 'closed',
  },
  reopen: {
    permission: 'query:open',
    kind: 'reopen',
    from: ['answered', 'closed'],
    refusal: 'query.status.reopen',
    to: 'open',
  },
} as const satisfies Record<string, Step>;

async function takeStep(
  deps: UseCaseDeps,
  step: Step,
  queryId: number,
  text: string | null,
): Promise<{ queryId: number; status: Step['to'] }> {
  const at = nowIso(deps);
  const { actor } = deps;
  const result = await writeTransaction(deps.db, async (trx) => {
    const { query, trial } = await loadQueryFor(deps, trx, queryId, step.permission);
    if (!step.from.includes(query.status))
      throw appError(deps, 'CONFLICT', step.refusal, { status: query.status });
    await insertQueryStep(trx, {
      queryId,
      at,
      kind: step.kind,
      userId: actor.id,
      userName: actor.displayName,
      role: actor.role,
      text,
      systemKey: null,
      systemParams: null,
      correctionSeq: null,
    });
    await setQueryStatus(trx, queryId, step.to, at);
    const envelope = {
      entityType: 'query' as const,
      entityId: String(queryId),
      trialId: query.trialId,
      centre: query.centre,
      participant: query.studyId,
      reason: null,
      before: { status: query.status },
    };
    if (step.to === 'answered') {
      await writeAudit(deps, trx, {
        action: 'query.answered',
        ...envelope,
        after: { status: 'answered', text: text ?? '' },
      });
      await noticeQueryAnswered(trx, deps, {
        trialId: query.trialId,
        trialCode: trial.code,
        centre: query.centre,
        studyId: query.studyId,
        queryId,
        openedBy: query.openedBy,
        answeredBy: actor.id,
      });
    } else if (step.to === 'closed')
      await writeAudit(deps, trx, {
        action: 'query.closed',
        ...envelope,
        after: { status: 'closed', text, bySystem: false },
      });
    else
      await writeAudit(deps, trx, {
        action: 'query.reopened',
        ...envelope,
        after: { status: 'open', text, bySystem: false },
      });
    return query;
  });
  publishChange(deps, result.trialId, 'query', result.centre);
  return { queryId, status: step.to };
}

export const answerQuery = (deps: UseCaseDeps, input: { queryId: number; text: string }) =>
  takeStep(deps, steps.answer, input.queryId, input.text);

export const closeQuery = (deps: UseCaseDeps, input: { queryId: number; text?: string | undefined }) =>
  takeStep(deps, steps.close, input.queryId, input.text ?? null);

export const reopenQuery = (deps: UseCaseDeps, input: { queryId: number; text: string }) =>
  takeStep(deps, steps.reopen, input.queryId, input.text);
