// Queries of a trial with their whole conversation, for the query list, the record page and the worklist.
// A coordinator sees their own centre's only; a system step is worded in the reader's language.
import {
  diffDays,
  recordLabel,
  systemStepText,
  type Actor,
  type Lang,
  type queryListInput,
} from '@trialdesk/domain';
import {
  listQueries,
  queryStepsOf,
  recordLabels,
  type Db,
  type QueryRecord,
  type QueryStep,
} from '@trialdesk/db';
import type { z } from 'zod';
import { scopedCentre } from '../../access/centre-scope.js';

export interface QueryView {
  id: number;
  studyId: string;
  centre: string;
  recordType: string | null;
  recordId: number | null;
  field: string | null;
  /** The record in words ('cycle 3', 'maand 6'), or null for a query on the participant. */
  recordLabel: string | null;
  origin: 'manual' | 'auto';
  rule: string | null;
  status: 'open' | 'answered' | 'closed';
  openedAt: string;
  openedByName: string;
  openedRole: string | null;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  /** Whole days since it was opened (to today, or to its closing). */
  ageDays: number;
  /** Whose turn it is: the site answers an open query, a reviewer looks at an answered one. */
  waitingFor: 'site' | 'reviewer' | null;
  /** The question itself: the opening step's text. */
  text: string;
  steps: {
    at: string;
    kind: string;
    userName: string;
    role: string | null;
    text: string | null;
    bySystem: boolean;
    correction: { record: string; entityId: string; auditSeq: number } | null;
  }[];
}

function stepView(s: QueryStep, lang: Lang): QueryView['steps'][number] {
  const correction =
    s.kind === 'correction' && s.systemParams && s.correctionSeq !== null
      ? {
          record: String(s.systemParams.record),
          entityId: String(s.systemParams.entityId),
          auditSeq: s.correctionSeq,
        }
      : null;
  return {
    at: s.at,
    kind: s.kind,
    userName: s.userName,
    role: s.role,
    text: s.systemKey ? systemStepText(s.systemKey, s.systemParams, lang) : s.text,
    bySystem: s.userId === null && s.role === null,
    correction,
  };
}

export function toQueryView(
  q: QueryRecord,
  steps: QueryStep[],
  today: string,
  lang: Lang,
  label: string | null = null,
): QueryView {
  const views = steps.map((s) => stepView(s, lang));
  const end = q.closedAt ? q.closedAt.slice(0, 10) : today;
  return {
    id: q.id,
    studyId: q.studyId,
    centre: q.centre,
    recordType: q.recordType,
    recordId: q.recordId,
    field: q.field,
    recordLabel:
      q.recordType === 'participant' ? recordLabel('inclusion', lang) : label && recordLabel(label, lang),
    origin: q.origin,
    rule: q.rule,
    status: q.status,
    openedAt: q.openedAt,
    openedByName: q.openedByName,
    openedRole: q.openedRole,
    firstAnsweredAt: q.firstAnsweredAt,
    closedAt: q.closedAt,
    updatedAt: q.updatedAt,
    ageDays: Math.max(0, diffDays(q.openedAt.slice(0, 10), end)),
    waitingFor: q.status === 'open' ? 'site' : q.status === 'answered' ? 'reviewer' : null,
    text: views[0]?.text ?? '',
    steps: views,
  };
}

export async function listQueryViews(
  asker: { actor: Actor; lang: Lang; db: Db },
  input: z.output<typeof queryListInput>,
  today: string,
): Promise<QueryView[]> {
  const centre = scopedCentre(asker.actor, 'participant:read', input.centre);
  const queries = await listQueries(asker.db, {
    trialId: input.trialId,
    centre,
    status: input.status,
    studyId: input.studyId,
  });
  const steps = await queryStepsOf(
    asker.db,
    queries.map((q) => q.id),
  );
  const byQuery = new Map<number, QueryStep[]>();
  for (const s of steps) {
    const list = byQuery.get(s.queryId);
    if (list) list.push(s);
    else byQuery.set(s.queryId, [s]);
  }
  const labels = await recordLabels(asker.db, queries);
  return queries.map((q) =>
    toQueryView(
      q,
      byQuery.get(q.id) ?? [],
      today,
      asker.lang,
      labels.get(`${q.recordType}:${q.recordId}`) ?? null,
    ),
  );
}

/** Open queries per centre and the median days from opening to the first answer (all answered queries). */
export function querySummary(views: readonly QueryView[]) {
  const centres = [...new Set(views.map((v) => v.centre))].sort();
  const row = (list: readonly QueryView[]) => {
    const days = list
      .filter((v) => v.firstAnsweredAt !== null)
      .map((v) => (Date.parse(v.firstAnsweredAt as string) - Date.parse(v.openedAt)) / 86_400_000)
      .sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median =
      days.length === 0
        ? null
        : days.length % 2 === 1
          ? (days[mid] as number)
          : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
    return {
      open: list.filter((v) => v.status === 'open').length,
      answered: list.filter((v) => v.status === 'answered').length,
      closed: list.filter((v) => v.status === 'closed').length,
      medianDaysToAnswer: median === null ? null : Math.round(median * 10) / 10,
      answeredCount: days.length,
    };
  };
  return {
    centres: centres.map((centre) => ({ centre, ...row(views.filter((v) => v.centre === centre)) })),
    total: row(views),
  };
}
