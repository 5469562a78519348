// The demo's signatures and locks for PUMP-III (issue 14), so a newcomer sees every state: casebooks signed
// by the demo PI, one signed and then re-opened by a coordinator's correction ("no longer valid" until
// signed again), a casebook signed and then locked for the interim analysis, and one pump visit locked
// while its source is reviewed. Fixed study IDs of the fixed-seed cohort at IJsselland and AVL, which no
// browser journey changes; every row is marked synthetic and audited like the API's own writes.
import { addDays, entryMessage, type AuditActor, type IsoDate } from '@trialdesk/domain';
import { appendAuditEvent } from '../audit/audit-event.js';
import type { Db } from '../database.js';
import { casebookHash } from '../repositories/gcp/casebook-hash.js';
import { insertLock } from '../repositories/gcp/locks.js';
import { insertSignature } from '../repositories/gcp/signatures.js';
import { findParticipant, participantRecords } from '../repositories/participants/participants.js';
import { updateCycle } from '../repositories/participants/clinical-records.js';

export interface DemoPeople {
  pi: { id: number; name: string };
  admin: { id: number; name: string };
  coordinator: { id: number; name: string; username: string };
}

const SIGNED = ['PUMP3-IJS-001', 'PUMP3-IJS-002', 'PUMP3-IJS-003', 'PUMP3-AVL-005'];
const REOPENED = 'PUMP3-IJS-004';
const LOCKED_PARTICIPANT = 'PUMP3-IJS-006';
const LOCKED_VISIT = { studyId: 'PUMP3-IJS-005', cycle: 2 };

const at = (date: IsoDate, time: string) => `${date}T${time}.000Z`;

export async function seedDemoSignatures(
  trx: Db,
  trialId: string,
  people: DemoPeople,
  asOf: IsoDate,
  now: string,
): Promise<void> {
  const pi: AuditActor = { userId: people.pi.id, username: 'pi', role: 'pi', ip: null };
  const admin: AuditActor = { userId: people.admin.id, username: 'admin', role: 'admin', ip: null };
  const coordinator: AuditActor = {
    userId: people.coordinator.id,
    username: people.coordinator.username,
    role: 'coordinator',
    ip: null,
  };
  const meaning = entryMessage('signature.meaning.casebook', 'en');

  const sign = async (studyId: string, signedAt: string) => {
    const p = await findParticipant(trx, trialId, studyId);
    if (!p) return null;
    const dataHash = await casebookHash(trx, p);
    const id = await insertSignature(trx, {
      trialId,
      kind: 'casebook',
      entityId: p.studyId,
      centre: p.centre,
      participantId: p.id,
      meaning,
      dataHash,
      signerId: people.pi.id,
      signerName: people.pi.name,
      signerRole: 'pi',
      signedAt,
      synthetic: true,
    });
    await appendAuditEvent(trx, pi, now, {
      action: 'signature.signed',
      entityType: 'signature',
      entityId: String(id),
      trialId,
      centre: p.centre,
      participant: p.studyId,
      before: null,
      after: { kind: 'casebook', signedEntityId: p.studyId, meaning, dataHash, signerName: people.pi.name },
      reason: null,
    });
    return p;
  };

  for (const [i, studyId] of [...SIGNED, LOCKED_PARTICIPANT].entries())
    await sign(studyId, at(addDays(asOf, -20 + i), '14:30:00'));

  // Signed, then a coordinator corrects the returned volume of the first pump visit: the signature no
  // longer matches the casebook and reads "no longer valid" until the PI signs again.
  const reopened = await sign(REOPENED, at(addDays(asOf, -12), '10:15:00'));
  if (reopened) {
    const cycle = (await participantRecords(trx, reopened.id)).cycles.find((c) => c.voided === null);
    if (cycle) {
      const after = (cycle.returnedVolumeMl ?? 0) + 2;
      await updateCycle(trx, cycle.id, { returnedVolumeMl: after });
      await appendAuditEvent(trx, coordinator, now, {
        action: 'record.corrected',
        entityType: 'treatment_cycle',
        entityId: String(cycle.id),
        trialId,
        centre: reopened.centre,
        participant: reopened.studyId,
        before: { returnedVolumeMl: cycle.returnedVolumeMl },
        after: { returnedVolumeMl: after },
        reason: 'Returned volume re-read from the pharmacy record (synthetic)',
      });
    }
  }

  const lock = async (
    studyId: string,
    record: { type: 'cycle'; id: number } | null,
    reason: string,
    lockedAt: string,
  ) => {
    const p = await findParticipant(trx, trialId, studyId);
    if (!p) return;
    const id = await insertLock(trx, {
      trialId,
      centre: p.centre,
      participantId: p.id,
      recordType: record?.type ?? null,
      recordId: record?.id ?? null,
      reason,
      lockedAt,
      lockedBy: people.admin.id,
      lockedByName: people.admin.name,
      synthetic: true,
    });
    await appendAuditEvent(trx, admin, now, {
      action: 'lock.set',
      entityType: 'data_lock',
      entityId: String(id),
      trialId,
      centre: p.centre,
      participant: p.studyId,
      before: null,
      after: {
        scope: record ? 'record' : 'participant',
        recordType: record?.type ?? null,
        recordId: record?.id ?? null,
      },
      reason,
    });
  };

  await lock(
    LOCKED_PARTICIPANT,
    null,
    'Casebook signed and complete: locked for the interim analysis (synthetic)',
    at(addDays(asOf, -10), '09:00:00'),
  );
  const visit = await findParticipant(trx, trialId, LOCKED_VISIT.studyId);
  const cycle = visit
    ? (await participantRecords(trx, visit.id)).cycles.find(
        (c) => c.cycle === LOCKED_VISIT.cycle && c.voided === null,
      )
    : undefined;
  if (cycle)
    await lock(
      LOCKED_VISIT.studyId,
      { type: 'cycle', id: cycle.id },
      'Pump visit under source review by the monitor (synthetic)',
      at(addDays(asOf, -4), '11:30:00'),
    );
}
