// The audit trail of one trial up to a point in the chain, for the audit records of an ODM export of a
// data cut: the entries that existed when the cut was frozen.
import type { Db } from '../../database.js';

export interface TrialAuditRecord {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  centre: string | null;
  participant: string | null;
  reason: string | null;
}

export async function trialAuditTrail(db: Db, trialId: string, uptoSeq: number): Promise<TrialAuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select([
      'seq',
      'at',
      'username',
      'role',
      'action',
      'entity_type',
      'entity_id',
      'centre',
      'participant',
      'reason',
    ])
    .where('trial_id', '=', trialId)
    .where('seq', '<=', uptoSeq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    username: r.username,
    role: r.role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    centre: r.centre,
    participant: r.participant,
    reason: r.reason,
  }));
}
