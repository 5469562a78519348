// Automatic queries, kept in step with the data inside the write that changed them: a finding without a
// query opens one, a finding whose query the system closed reopens it, and an open query whose finding is
// gone closes itself with the reason. The key (rule, record, field) is unique per participant in the
// database, so a rule opens one query however often it runs, on one instance or several.
import {
  autoQueryFindings,
  type AutoQueryFinding,
  type AutoQueryRule,
  type TrialDefinition,
} from '@trialdesk/domain';
import {
  autoQueriesOf,
  findParticipantById,
  type AssessmentSlot,
  insertQuery,
  insertQueryStep,
  participantRecords,
  queryStepsOf,
  setQueryStatus,
  type Db,
  type QueryRecord,
} from '@trialdesk/db';
import { nowIso, today } from '../../context.js';
import { writeAudit, writeSystemAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoDeviations } from '../safety/sync-auto-deviations.js';
import { SYSTEM_NAME, type SweepDeps } from '../system-actor.js';

export interface AutoQueryChanges {
  opened: number;
  closed: number;
  reopened: number;
}

interface Envelope {
  entityId: string;
  trialId: string;
  centre: string;
  participant: string;
}

type Auditor = (trx: Db, event: Parameters<typeof writeAudit>[2]) => Promise<number>;

/**
 * What the write that has just created a participant (an inclusion) knows of its records: the slots it
 * scheduled, and nothing else (no visit, cycle or event yet, so no query and no deviation). The rules then
 * run on these instead of reading back what the same transaction has just written.
 */
export interface NewParticipantRecords {
  /** The participant as this write created it: on study, not voided. */
  participant: { id: number; centre: string; studyId: string; ageAtInclusion: number };
  slots: AssessmentSlot[];
}

/**
 * Re-runs the rules for one participant inside `trx`. After a user's write the audit entries carry that
 * user (the write caused them) with the rule as the reason; in the scheduled sweep they name no user.
 */
export async function syncAutoQueries(
  deps: UseCaseDeps | SweepDeps,
  trx: Db,
  def: TrialDefinition,
  participantId: number,
  created?: NewParticipantRecords,
): Promise<AutoQueryChanges> {
  const changes: AutoQueryChanges = { opened: 0, closed: 0, reopened: 0 };
  // A participant this write created is known already (on study, not voided): no read back.
  const found = created ? undefined : await findParticipantById(trx, participantId);
  const p = created ? { ...created.participant, offStudy: null, voided: null } : found;
  if (!p) return changes;
  const records = created
    ? { slots: created.slots, cycles: [], assessments: [] }
    : await participantRecords(trx, participantId);
  const findings = autoQueryFindings({
    def,
    today: today(deps),
    participant: {
      id: p.id,
      ageAtInclusion: p.ageAtInclusion,
      offStudyDate: p.offStudy?.date ?? null,
      voided: p.voided !== null,
    },
    cycles: records.cycles.map((c) => ({ ...c, voided: c.voided !== null })),
    slots: records.slots,
    assessments: records.assessments.map((a) => ({ ...a, voided: a.voided !== null })),
  });
  const existing = new Map(
    (created ? [] : await autoQueriesOf(trx, participantId)).map((q) => [q.autoKey, q]),
  );
  const audit: Auditor =
    'actor' in deps ? (t, e) => writeAudit(deps, t, e) : (t, e) => writeSystemAudit(deps, t, e);
  const at = nowIso(deps);
  const envelope = (q: { id: number }): Envelope => ({
    entityId: String(q.id),
    trialId: def.id,
    centre: p.centre,
    participant: p.studyId,
  });

  for (const f of findings) {
    const q = existing.get(f.key);
    if (!q) {
      await openAuto(trx, audit, f, { def, p, at, envelope });
      changes.opened += 1;
    } else if (q.status === 'closed' && (await closedBySystem(trx, q))) {
      await systemStep(trx, q, 'auto_reopen', 'open', f.rule, at);
      await audit(trx, {
        action: 'query.reopened',
        entityType: 'query',
        ...envelope(q),
        reason: `rule: ${f.rule}`,
        before: { status: 'closed' },
        after: { status: 'open', text: null, bySystem: true },
      });
      changes.reopened += 1;
    }
  }
  const live = new Set(findings.map((f) => f.key));
  for (const q of existing.values()) {
    if (q.status === 'closed' || live.has(q.autoKey ?? '')) continue;
    const rule = q.rule as AutoQueryRule;
    await systemStep(trx, q, 'auto_close', 'closed', rule, at);
    await audit(trx, {
      action: 'query.closed',
      entityType: 'query',
      ...envelope(q),
      reason: `rule no longer met: ${rule}`,
      before: { status: q.status },
      after: { status: 'closed', text: null, bySystem: true },
    });
    changes.closed += 1;
  }
  // The same rules' windows make protocol deviations: logged once, in this same transaction. Only visits
  // and cycles can be out of window, so a participant created by this write has none yet.
  if (found) await syncAutoDeviations(deps, trx, def, found);
  return changes;
}

async function openAuto(
  trx: Db,
  audit: Auditor,
  f: AutoQueryFinding,
  c: {
    def: TrialDefinition;
    p: { id: number; centre: string };
    at: string;
    envelope: (q: { id: number }) => Envelope;
  },
): Promise<void> {
  const id = await insertQuery(trx, {
    trialId: c.def.id,
    centre: c.p.centre,
    participantId: c.p.id,
    recordType: f.recordType,
    recordId: f.recordId,
    field: f.field,
    origin: 'auto',
    rule: f.rule,
    autoKey: f.key,
    openedAt: c.at,
    openedBy: null,
    openedByName: SYSTEM_NAME,
    openedRole: null,
  });
  await insertQueryStep(trx, {
    queryId: id,
    at: c.at,
    kind: 'open',
    userId: null,
    userName: SYSTEM_NAME,
    role: null,
    text: null,
    systemKey: f.messageKey,
    systemParams: f.params,
    correctionSeq: null,
  });
  await audit(trx, {
    action: 'query.opened',
    entityType: 'query',
    ...c.envelope({ id }),
    reason: `rule: ${f.rule}`,
    before: null,
    after: {
      recordType: f.recordType,
      recordId: f.recordId,
      field: f.field,
      text: null,
      origin: 'auto',
      rule: f.rule,
    },
  });
}

async function systemStep(
  trx: Db,
  q: QueryRecord,
  kind: 'auto_close' | 'auto_reopen',
  status: 'open' | 'closed',
  rule: AutoQueryRule,
  at: string,
): Promise<void> {
  await insertQueryStep(trx, {
    queryId: q.id,
    at,
    kind,
    userId: null,
    userName: SYSTEM_NAME,
    role: null,
    text: null,
    systemKey: kind === 'auto_close' ? 'query.auto.closed' : 'query.auto.reopened',
    systemParams: { rule },
    correctionSeq: null,
  });
  await setQueryStatus(trx, q.id, status, at);
}

/** Whether the system closed the query (a person's close stands: a rule never reopens it). */
async function closedBySystem(trx: Db, q: QueryRecord): Promise<boolean> {
  const steps = await queryStepsOf(trx, [q.id]);
  return steps.at(-1)?.kind === 'auto_close';
}
