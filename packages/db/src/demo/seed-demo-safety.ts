// The demo's safety data (synthetic, from the cohort the fixed seed made, audited): every out-of-window pump
// visit and assessment in the deviation log as the system would log it; and for PUMP-III a deviation per
// centre entered by its coordinator, every death reported as an SAE, the gravest complications reported too
// (one initial report late, one SUSAR sent to the authorities on time), reviewed by the PI except the newest.
import {
  addDays,
  type AuditActor,
  type Causality,
  type IsoDate,
  type SeriousCriterion,
  type TrialDefinition,
} from '@trialdesk/domain';
import { appendAuditEvent } from '../audit/audit-event.js';
import type { Db } from '../database.js';
import { insertDeviation } from '../repositories/safety/deviations.js';
import { outOfWindowFindings } from '../repositories/safety/out-of-window.js';
import {
  insertFollowUp,
  insertSae,
  markSaeReviewed,
  markSusarReported,
} from '../repositories/safety/saes.js';

const SYSTEM: AuditActor = { userId: null, username: 'system', role: null, ip: null };
const HOUR = 3_600_000;

export async function seedDemoSafety(
  trx: Db,
  def: TrialDefinition,
  asOf: IsoDate,
  now: string,
): Promise<void> {
  for (const f of await outOfWindowFindings(trx, def.id)) {
    const id = await insertDeviation(trx, {
      trialId: def.id,
      centre: f.centre,
      participantId: f.participantId,
      category: f.category,
      severity: 'minor',
      description: f.description,
      date: f.date,
      correctiveAction: null,
      origin: 'auto',
      autoKey: f.key,
      recordType: f.recordType,
      recordId: f.recordId,
      createdAt: now,
      createdBy: null,
      createdByName: 'Trialdesk',
      synthetic: true,
    });
    if (id === null) continue;
    await appendAuditEvent(trx, SYSTEM, now, {
      action: 'deviation.recorded',
      entityType: 'deviation',
      entityId: String(id),
      trialId: def.id,
      centre: f.centre,
      participant: await studyIdOf(trx, f.participantId),
      reason: `rule: ${f.category}`,
      before: null,
      after: {
        category: f.category,
        severity: 'minor',
        description: f.description,
        date: f.date,
        correctiveAction: null,
        origin: 'auto',
        recordType: f.recordType,
        recordId: f.recordId,
      },
    });
  }
  if (def.id !== 'pump-iii') return;
  await seedManualDeviations(trx, def, asOf, now);
  await seedSaes(trx, def, asOf, now);
}

async function studyIdOf(trx: Db, participantId: number): Promise<string | null> {
  const row = await trx
    .selectFrom('participants')
    .select('study_id')
    .where('id', '=', participantId)
    .executeTakeFirst();
  return row?.study_id ?? null;
}

async function coordinatorOf(trx: Db, centre: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('role', '=', 'coordinator')
    .where('centre', '=', centre)
    .orderBy('id')
    .executeTakeFirst();
}

async function seedManualDeviations(
  trx: Db,
  def: TrialDefinition,
  asOf: IsoDate,
  now: string,
): Promise<void> {
  const kinds = [
    {
      category: 'informed_consent',
      severity: 'major',
      text: 'Consent form version 2 signed after version 3 was approved',
      action: 'Re-consented on version 3; site retrained',
    },
    {
      category: 'procedure',
      severity: 'minor',
      text: 'CEA drawn two days after the imaging instead of the same day',
      action: 'Reminder added to the visit checklist',
    },
    {
      category: 'treatment',
      severity: 'major',
      text: 'Pump filled with a dose calculated on an outdated body weight',
      action: 'Dose recalculated; weight checked at every fill',
    },
  ] as const;
  for (const [i, centre] of def.centres.entries()) {
    const coordinator = await coordinatorOf(trx, centre.code);
    const k = kinds[i % kinds.length]!;
    if (!coordinator) continue;
    const p = await trx
      .selectFrom('participants')
      .select(['id', 'study_id', 'inclusion_date'])
      .where('trial_id', '=', def.id)
      .where('centre', '=', centre.code)
      .where('voided_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    if (!p) continue;
    const date = addDays(p.inclusion_date, 30) < asOf ? addDays(p.inclusion_date, 30) : p.inclusion_date;
    const id = await insertDeviation(trx, {
      trialId: def.id,
      centre: centre.code,
      participantId: p.id,
      category: k.category,
      severity: k.severity,
      description: k.text,
      date,
      correctiveAction: k.action,
      origin: 'manual',
      createdAt: now,
      createdBy: coordinator.id,
      createdByName: coordinator.display_name,
      synthetic: true,
    });
    const actor: AuditActor = {
      userId: coordinator.id,
      username: coordinator.username,
      role: 'coordinator',
      ip: null,
    };
    await appendAuditEvent(trx, actor, now, {
      action: 'deviation.recorded',
      entityType: 'deviation',
      entityId: String(id),
      trialId: def.id,
      centre: centre.code,
      participant: p.study_id,
      reason: null,
      before: null,
      after: {
        category: k.category,
        severity: k.severity,
        description: k.text,
        date,
        correctiveAction: k.action,
        origin: 'manual',
        recordType: null,
        recordId: null,
      },
    });
  }
}

/** Causality of a complication to each intervention, by what it was (all expected per the RSI). */
function assessmentsFor(def: TrialDefinition, category: string | null, susar: boolean) {
  const related: Record<string, string> = { pump: 'pump', surgical: 'surgery', toxicity: 'floxuridine' };
  return def.safety.interventions.map((i) => {
    if (susar && i.id === 'floxuridine')
      return { intervention: i.id, causality: 'possible' as Causality, expected: false };
    if (category !== null && related[category] === i.id)
      return { intervention: i.id, causality: 'probable' as Causality, expected: true };
    return { intervention: i.id, causality: 'unlikely' as Causality, expected: null };
  });
}

async function seedSaes(trx: Db, def: TrialDefinition, asOf: IsoDate, now: string): Promise<void> {
  const events = await trx
    .selectFrom('events as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .select([
      'e.id',
      'e.participant_id',
      'e.centre',
      'e.type',
      'e.event_date',
      'e.complication_category',
      'e.grade',
      'e.grade_scale',
      'p.study_id',
    ])
    .where('e.trial_id', '=', def.id)
    .where('e.voided_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .where('e.event_date', '<=', addDays(asOf, -3))
    .where((eb) => eb.or([eb('e.type', '=', 'death'), eb('e.grade', 'in', ['IIIb', 'IVa', 'IVb', '4'])]))
    .orderBy('e.event_date')
    .orderBy('e.id')
    .execute();
  const pi = await trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', 'pi')
    .executeTakeFirst();
  const complications = events.filter((e) => e.type !== 'death').slice(-3);
  const chosen = [...events.filter((e) => e.type === 'death'), ...complications];
  for (const [i, e] of chosen.entries()) {
    const coordinator = await coordinatorOf(trx, e.centre);
    if (!coordinator) continue;
    const death = e.type === 'death';
    const susar = !death && e === complications[0];
    const criteria: SeriousCriterion[] = death
      ? ['death']
      : e.grade === 'IVa' || e.grade === 'IVb' || e.grade === '4'
        ? ['life_threatening', 'hospitalisation']
        : ['hospitalisation'];
    const aware = Date.parse(`${e.event_date}T08:00:00.000Z`);
    // The second SAE's initial report reached the system 30 hours after the site knew: late.
    const reportedAt = new Date(aware + (i === 1 ? 30 : 6) * HOUR).toISOString();
    const assessments = assessmentsFor(def, death ? null : e.complication_category, susar);
    const description = death
      ? 'Death during follow-up (synthetic demo narrative)'
      : `Grade ${e.grade ?? ''} ${e.complication_category ?? ''} complication, admitted (synthetic demo narrative)`;
    const id = await insertSae(trx, {
      trialId: def.id,
      participantId: e.participant_id,
      centre: e.centre,
      eventId: e.id,
      criteria,
      assessments,
      susar,
      awareAt: new Date(aware).toISOString(),
      description,
      reportedAt,
      reportedBy: coordinator.id,
      reportedByName: coordinator.display_name,
      synthetic: true,
    });
    const site: AuditActor = {
      userId: coordinator.id,
      username: coordinator.username,
      role: 'coordinator',
      ip: null,
    };
    const envelope = {
      entityType: 'sae' as const,
      entityId: String(id),
      trialId: def.id,
      centre: e.centre,
      participant: e.study_id,
      reason: null,
      before: null,
    };
    await appendAuditEvent(trx, site, now, {
      action: 'sae.reported',
      ...envelope,
      after: {
        eventId: e.id,
        eventType: death ? 'death' : 'complication',
        criteria,
        assessments,
        susar,
        awareAt: new Date(aware).toISOString(),
        description,
        initialReportDueAt: new Date(aware + 24 * HOUR).toISOString(),
        onTime: i !== 1,
      },
    });
    if (i === 0)
      for (const text of ['Discharged after 6 days', 'Recovered without sequelae at the next visit']) {
        const seq = await insertFollowUp(trx, {
          saeId: id,
          text,
          reportedAt: new Date(aware + 7 * 24 * HOUR).toISOString(),
          reportedBy: coordinator.id,
          reportedByName: coordinator.display_name,
          synthetic: true,
        });
        await appendAuditEvent(trx, site, now, {
          action: 'sae.follow_up_added',
          ...envelope,
          after: { seq, text },
        });
      }
    if (!pi) continue;
    const piActor: AuditActor = { userId: pi.id, username: pi.username, role: 'pi', ip: null };
    if (susar) {
      const dueAt = new Date(aware + 15 * 24 * HOUR).toISOString();
      await markSusarReported(trx, {
        id,
        at: new Date(aware + 5 * 24 * HOUR).toISOString(),
        by: pi.id,
        byName: pi.display_name,
        reference: 'EU-CT-DEMO-0001',
      });
      await appendAuditEvent(trx, piActor, now, {
        action: 'sae.susar_reported',
        ...envelope,
        after: { reference: 'EU-CT-DEMO-0001', dueAt, onTime: true },
      });
    }
    if (i < chosen.length - 1) {
      await markSaeReviewed(trx, {
        id,
        at: new Date(aware + 2 * 24 * HOUR).toISOString(),
        by: pi.id,
        byName: pi.display_name,
        comment: null,
      });
      await appendAuditEvent(trx, piActor, now, {
        action: 'sae.reviewed',
        ...envelope,
        after: { comment: null },
      });
    }
  }
}
