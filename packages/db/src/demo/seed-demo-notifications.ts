// The demo's notifications and mail outbox (synthetic, from the cohort the fixed seed made), so a newcomer
// finds what a running trial holds: the PI's notice of the newest SAE, a query opened for a site and a query
// answered for the monitor who opened it, and last week's digest of overdue visits per coordinator, claimed in
// job_runs so a demo server started that week does not send it again. Three demo accounts have a synthetic
// address (`*@trialdesk-demo.example`, a reserved domain that never receives mail), so their mails wait in the
// outbox as in demo mode; every notice is marked synthetic and its words say so. The monitor and the EMC
// coordinator keep no address: their notices are in the app only.
import {
  dateInZone,
  daysOverdue,
  dueDigestWeek,
  inFollowUp,
  renderNotification,
  type AuditActor,
  type IsoDate,
  type NotificationKind,
  type NotificationParams,
  type TrialDefinition,
} from '@trialdesk/domain';
import { appendAuditEvent } from '../audit/audit-event.js';
import type { Db } from '../database.js';
import { openSlotsUntil } from '../repositories/entry/worklist.js';
import { claimJobRun, setJobRunResult } from '../repositories/notifications/jobs.js';
import { insertNotification } from '../repositories/notifications/notifications.js';
import { insertOutboxMail } from '../repositories/notifications/outbox.js';
import { listTrialRecipients, type Recipient } from '../repositories/notifications/recipients.js';
import { setUserEmail } from '../repositories/notifications/settings.js';
import { withSafety } from '../repositories/safety/tables.js';

const SYSTEM: AuditActor = { userId: null, username: 'system', role: null, ip: null };
/** Accounts with a synthetic address (and the language of their mails). */
const addressed = ['pi', 'coord-ijsselland', 'coord-avl'] as const;
export const DEMO_MAIL_DOMAIN = 'trialdesk-demo.example';

interface Notice {
  kind: NotificationKind;
  trialId: string;
  recipients: readonly Recipient[];
  params: NotificationParams;
  link: string;
  dedupeKey: string;
  at: string;
}

export async function seedDemoNotifications(
  trx: Db,
  trials: readonly TrialDefinition[],
  ids: ReadonlyMap<string, number>,
  now: string,
): Promise<void> {
  for (const username of addressed) {
    const id = ids.get(username);
    if (id === undefined) continue;
    const email = `${username}@${DEMO_MAIL_DOMAIN}`;
    await setUserEmail(trx, id, email);
    await appendAuditEvent(trx, SYSTEM, now, {
      action: 'user.email_changed',
      entityType: 'user',
      entityId: String(id),
      trialId: null,
      centre: null,
      participant: null,
      reason: null,
      before: { email: null },
      after: { email },
    });
  }
  let mailNo = 0;
  const send = async (n: Notice) => {
    for (const r of n.recipients) {
      const params = { ...n.params, synthetic: true };
      const notificationId = await insertNotification(trx, {
        userId: r.userId,
        trialId: n.trialId,
        kind: n.kind,
        params,
        link: n.link,
        dedupeKey: n.dedupeKey,
        createdAt: n.at,
      });
      if (notificationId === null || !r.email) continue;
      const text = renderNotification(n.kind, params, r.lang);
      mailNo += 1;
      await insertOutboxMail(trx, {
        notificationId,
        userId: r.userId,
        to: r.email,
        lang: r.lang,
        subject: text.subject,
        body: `${text.body}\n\nTrialdesk: ${n.link}`,
        messageId: `<demo-${mailNo}@${DEMO_MAIL_DOMAIN}>`,
        createdAt: n.at,
      });
    }
  };
  for (const def of trials) {
    if (def.id === 'pump-iii') await seedTrialNotices(trx, def, send);
    await seedDigest(trx, def, now, send);
  }
  await claimDemoDigestWeek(trx, now);
}

async function seedTrialNotices(trx: Db, def: TrialDefinition, send: (n: Notice) => Promise<void>) {
  const base = { trialId: def.id, params: { trial: def.code } };
  // The newest SAE (the one the PI has not reviewed yet) reached every PI at once.
  const sae = await withSafety(trx)
    .selectFrom('serious_adverse_events as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .select(['s.id', 's.aware_at', 's.reported_at', 'p.study_id'])
    .where('s.trial_id', '=', def.id)
    .orderBy('s.aware_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
  if (sae)
    await send({
      ...base,
      kind: 'sae.new',
      recipients: await listTrialRecipients(trx, def.id, 'pi'),
      params: {
        ...base.params,
        studyId: sae.study_id,
        report: 'initial',
        due: new Date(Date.parse(sae.aware_at) + 24 * 3_600_000).toISOString(),
      },
      link: `/trials/${def.id}/participants/${sae.study_id}`,
      dedupeKey: `sae.new:${sae.id}`,
      at: sae.reported_at,
    });
  // The newest query a person opened that waits for each centre, and the newest answered one for its opener.
  const manual = () =>
    trx
      .selectFrom('queries as q')
      .innerJoin('participants as p', 'p.id', 'q.participant_id')
      .select(['q.id', 'q.centre', 'q.opened_at', 'q.opened_by', 'q.first_answered_at', 'p.study_id'])
      .where('q.trial_id', '=', def.id)
      .where('q.origin', '=', 'manual')
      .where('q.opened_by', 'is not', null)
      .orderBy('q.opened_at', 'desc')
      .orderBy('q.id', 'desc');
  for (const centre of def.centres) {
    const q = await manual()
      .where('q.status', '=', 'open')
      .where('q.centre', '=', centre.code)
      .executeTakeFirst();
    if (!q) continue;
    await send({
      ...base,
      kind: 'query.opened',
      recipients: await listTrialRecipients(trx, def.id, 'coordinator', centre.code),
      params: { ...base.params, studyId: q.study_id, queryId: Number(q.id) },
      link: `/trials/${def.id}/queries`,
      dedupeKey: `query.opened:${q.id}`,
      at: q.opened_at,
    });
  }
  const answered = await manual().where('q.status', '=', 'answered').executeTakeFirst();
  if (answered?.opened_by != null) {
    const opener = await trx
      .selectFrom('users')
      .select(['id', 'email', 'mail_lang'])
      .where('id', '=', answered.opened_by)
      .executeTakeFirst();
    if (opener)
      await send({
        ...base,
        kind: 'query.answered',
        recipients: [
          { userId: Number(opener.id), email: opener.email, lang: opener.mail_lang === 'nl' ? 'nl' : 'en' },
        ],
        params: { ...base.params, studyId: answered.study_id, queryId: Number(answered.id) },
        link: `/trials/${def.id}/queries`,
        dedupeKey: `query.answered:${answered.id}`,
        at: answered.first_answered_at ?? answered.opened_at,
      });
  }
}

/**
 * The newest digest week that is due: this week's, or before Monday 07:00 in Amsterdam last week's, so a demo
 * started early on a Monday still holds a digest (it held none, and the notifications journey failed then).
 */
export function demoDigestWeek(now: string): IsoDate | null {
  // The day before a Monday is a Sunday, whose week's digest is always due.
  return dueDigestWeek(new Date(now)) ?? dueDigestWeek(new Date(Date.parse(now) - 86_400_000));
}

/** The newest due week's digest, as the scheduled job writes it (the worklist's rule), and its claim in job_runs. */
async function seedDigest(trx: Db, def: TrialDefinition, now: string, send: (n: Notice) => Promise<void>) {
  const week = demoDigestWeek(now);
  if (!week) return;
  const asOf: IsoDate = dateInZone(new Date(now));
  const slots = (await openSlotsUntil(trx, def.id, null, asOf)).filter(
    (s) => inFollowUp(s, s.dueDate) && daysOverdue(s.windowEnd, asOf) > 0,
  );
  const at = `${week}T06:00:00.000Z` < now ? `${week}T06:00:00.000Z` : now;
  for (const centre of def.centres) {
    const visits = slots
      .filter((s) => s.centre === centre.code)
      .map((s) => ({ studyId: s.studyId, month: s.month, due: s.windowEnd }));
    if (visits.length === 0) continue;
    await send({
      kind: 'digest.overdue_visits',
      trialId: def.id,
      recipients: await listTrialRecipients(trx, def.id, 'coordinator', centre.code),
      params: { trial: def.code, centre: centre.name, visits },
      link: `/trials/${def.id}/worklist`,
      dedupeKey: `digest:${def.id}:${centre.code}:${week}`,
      at,
    });
  }
}

/** The week's digest run is the seed's: a demo server started this week does not send it again. */
async function claimDemoDigestWeek(trx: Db, now: string): Promise<void> {
  const week = demoDigestWeek(now);
  if (!week) return;
  if (
    await claimJobRun(trx, {
      job: 'digest.overdue_visits',
      runKey: week,
      startedAt: now,
      instance: 'demo seed',
    })
  )
    await setJobRunResult(trx, 'digest.overdue_visits', week, JSON.stringify({ synthetic: true }));
}
