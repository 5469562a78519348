// Email addresses, notification settings, notify() in the write's transaction, the in-app list and the
// outbox the administrator reads (issue 14). Demo accounts on the synthetic ARTERY-2 cohort.
import { verifyAuditChain, writeTransaction } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify, recipientsInTrial } from '../src/use-cases/notifications/notify.js';
import { lastAudit, parsed } from './audit-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
let admin: Awaited<ReturnType<Harness['as']>>;
let monitor: Awaited<ReturnType<Harness['as']>>;
let coord: Awaited<ReturnType<Harness['as']>>;
let coordId: number;
let monitorId: number;
const trialId = 'artery-2';

async function idOf(username: string): Promise<number> {
  const row = await h.row<{ id: number }>('SELECT id FROM users WHERE username = ?', username);
  return Number(row!.id);
}

async function outboxOf(userId: number) {
  return h.rows<{ to_address: string; subject: string; body: string; lang: string; status: string }>(
    'SELECT to_address, subject, body, lang, status FROM mail_outbox WHERE user_id = ? ORDER BY id',
    userId,
  );
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.as('admin');
  monitor = await h.as('monitor');
  coord = await h.as('coord-emc');
  coordId = await idOf('coord-emc');
  monitorId = await idOf('monitor');
});
afterAll(() => h.close());

describe('email addresses', () => {
  it('an administrator sets an address, normalised and audited; the users list shows it', async () => {
    await admin.users.setEmail({ userId: monitorId, email: ' Monitor.One@Example.ORG ' });
    const entry = await lastAudit(h, 'user.email_changed');
    expect(parsed(entry.before)).toEqual({ email: null });
    expect(parsed(entry.after)).toEqual({ email: 'Monitor.One@example.org' });
    const users = await admin.users.list();
    expect(users.find((u) => u.id === monitorId)?.email).toBe('Monitor.One@example.org');
    // The same address again changes nothing and writes no audit entry.
    const again = await admin.users.setEmail({ userId: monitorId, email: 'Monitor.One@example.org' });
    expect(again.changed).toBe(false);
  });

  it('refuses what is not an address, in the caller’s words, and leaves the account as it was', async () => {
    for (const email of ['no-at-sign', 'a@b', 'two@@x.nl', 'a b@x.nl', 'x@y.nl\nBcc: z@w.nl', 'a..b@x.nl']) {
      const e = await expectCode(admin.users.setEmail({ userId: coordId, email }), 'BAD_REQUEST');
      expect(JSON.stringify(e.cause ?? e.message)).not.toContain('INTERNAL');
    }
    const row = await h.row<{ email: string | null }>('SELECT email FROM users WHERE id = ?', coordId);
    expect(row?.email).toBeNull();
  });

  it('only an administrator sets another account’s address; an unknown account is not found', async () => {
    await expectCode(monitor.users.setEmail({ userId: coordId, email: 'x@example.org' }), 'FORBIDDEN');
    await expectCode(admin.users.setEmail({ userId: 999_999, email: 'x@example.org' }), 'NOT_FOUND');
  });
});

describe('own settings', () => {
  it('a user sets their address, mail language and switches an optional mail off; audited', async () => {
    const saved = await coord.notifications.saveSettings({
      email: 'coord@emc.example.nl',
      lang: 'nl',
      mailOff: [],
    });
    expect(saved.email).toBe('coord@emc.example.nl');
    expect(saved.lang).toBe('nl');
    expect(saved.kinds.find((k) => k.kind === 'sae.new')).toEqual({
      kind: 'sae.new',
      optional: false,
      mail: true,
    });
    expect(parsed((await lastAudit(h, 'user.email_changed')).after)).toEqual({
      email: 'coord@emc.example.nl',
    });
    expect(parsed((await lastAudit(h, 'notification.settings_changed')).after)).toEqual({
      lang: 'nl',
      mailOff: [],
    });
  });

  it('a new SAE (and a report coming due) cannot be switched off', async () => {
    const e = await expectCode(
      coord.notifications.saveSettings({ email: null, lang: 'en', mailOff: ['sae.new'] }),
      'BAD_REQUEST',
    );
    expect(e.message).toContain('sae.new');
    await expectCode(
      coord.notifications.saveSettings({ email: null, lang: 'en', mailOff: ['sae.due'] }),
      'BAD_REQUEST',
    );
    expect((await coord.notifications.settings()).email).toBe('coord@emc.example.nl');
  });

  it('refuses an unknown kind and a smuggled field', async () => {
    await expectCode(
      coord.notifications.saveSettings({
        email: null,
        lang: 'en',
        mailOff: ['query.everything' as 'query.opened'],
      }),
      'BAD_REQUEST',
    );
    await expectCode(
      coord.notifications.saveSettings({
        email: null,
        lang: 'en',
        mailOff: [],
        userId: monitorId,
      } as never),
      'BAD_REQUEST',
    );
  });
});

describe('queries notify in their transaction', () => {
  it('a query opened on an EMC participant reaches the EMC coordinator in-app and by mail, in Dutch', async () => {
    const before = (await coord.notifications.list()).unread;
    const { queryId } = await monitor.queries.open({
      trialId,
      studyId: 'ART2-EMC-018',
      text: 'Consent form version 3 signed by Jansen?',
    });
    const list = await coord.notifications.list();
    expect(list.unread).toBe(before + 1);
    expect(list.items[0]).toMatchObject({
      kind: 'query.opened',
      read: false,
      link: '/trials/artery-2/queries',
    });
    expect(list.items[0]?.title).toContain(`${queryId}`);
    const mails = await outboxOf(coordId);
    const mail = mails.at(-1)!;
    expect(mail).toMatchObject({ to_address: 'coord@emc.example.nl', lang: 'nl', status: 'pending' });
    expect(mail.subject).toBe(`[ARTERY-2] Datavraag ${queryId} over ART2-EMC-018`);
    // The query's text (which may name anything) never leaves in a mail: only the study ID does.
    expect(mail.body).not.toContain('Jansen');
    expect(mail.body).toContain('ART2-EMC-018');
    // Another centre's coordinator hears nothing of it.
    const other = await (await h.as('coord-avl')).notifications.list();
    expect(other.items.some((n) => n.title.includes(`${queryId} `))).toBe(false);
  });

  it('an answer reaches the monitor who opened the query; a switched-off kind stays in-app only', async () => {
    await monitor.notifications.saveSettings({
      email: 'Monitor.One@example.org',
      lang: 'en',
      mailOff: ['query.answered'],
    });
    const { queryId } = await monitor.queries.open({ trialId, studyId: 'ART2-EMC-011', text: 'Date?' });
    const mailsBefore = (await outboxOf(monitorId)).length;
    await coord.queries.answer({ queryId, text: 'Checked against the source' });
    const list = await monitor.notifications.list();
    expect(list.items[0]).toMatchObject({ kind: 'query.answered' });
    expect(list.items[0]?.title).toBe(`[ARTERY-2] Data query ${queryId} about ART2-EMC-011 was answered`);
    expect((await outboxOf(monitorId)).length).toBe(mailsBefore);
    // Switched on again, the next answer is mailed.
    await monitor.notifications.saveSettings({ email: 'Monitor.One@example.org', lang: 'en', mailOff: [] });
    await monitor.queries.reopen({ queryId, text: 'Which source?' });
    await coord.queries.answer({ queryId, text: 'The clinic letter' });
    const mails = await outboxOf(monitorId);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.at(-1)?.subject).toBe(`[ARTERY-2] Data query ${queryId} about ART2-EMC-011 was answered`);
  });

  it('a change that rolls back leaves no notification and no mail', async () => {
    const count = async () =>
      Number((await h.row<{ n: number }>('SELECT count(*) AS n FROM notifications'))!.n) +
      Number((await h.row<{ n: number }>('SELECT count(*) AS n FROM mail_outbox'))!.n);
    const before = await count();
    await expect(
      writeTransaction(h.open.db, async (trx) => {
        const result = await notify(
          trx,
          { clock: () => h.clock.now },
          {
            kind: 'sae.new',
            trialId,
            recipients: await recipientsInTrial(trx, trialId, 'coordinator', 'EMC'),
            params: { trial: 'ARTERY-2', studyId: 'ART2-EMC-018', due: '2026-11-27T10:00:00.000Z' },
            link: null,
          },
        );
        expect(result.notified).toBeGreaterThan(0);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
  });

  it('a dedupe key notifies each person once', async () => {
    const send = () =>
      writeTransaction(h.open.db, async (trx) =>
        notify(
          trx,
          { clock: () => h.clock.now },
          {
            kind: 'sae.due',
            trialId,
            recipients: await recipientsInTrial(trx, trialId, 'coordinator', 'EMC'),
            params: {
              trial: 'ARTERY-2',
              studyId: 'ART2-EMC-018',
              report: 'initial',
              due: h.clock.now.toISOString(),
            },
            link: null,
            dedupeKey: 'test:once',
          },
        ),
      );
    const first = await send();
    expect(first.notified).toBeGreaterThan(0);
    expect(await send()).toEqual({ notified: 0, mailed: 0 });
  });
});

describe('in-app list and outbox', () => {
  it('marks one or all notifications read, only the reader’s own', async () => {
    const list = await coord.notifications.list();
    const first = list.items[0]!;
    const monitorList = await monitor.notifications.list();
    // Someone else's ids are silently not theirs to mark.
    await coord.notifications.markRead({ ids: monitorList.items.map((n) => n.id) });
    expect((await monitor.notifications.list()).unread).toBe(monitorList.unread);
    await coord.notifications.markRead({ ids: [first.id] });
    expect((await coord.notifications.list()).unread).toBe(list.unread - 1);
    await coord.notifications.markRead({});
    expect((await coord.notifications.list()).unread).toBe(0);
  });

  it('the administrator reads the outbox (demo mode: kept, not sent); nobody else can', async () => {
    const box = await admin.notifications.outbox();
    expect(box.delivery).toBe('outbox');
    expect(box.counts.pending).toBeGreaterThanOrEqual(3);
    expect(box.items[0]).toMatchObject({ status: 'pending', attempts: 0 });
    const pending = await admin.notifications.outbox({ status: 'pending', limit: 1 });
    expect(pending.items).toHaveLength(1);
    const older = await admin.notifications.outbox({ before: pending.items[0]!.id, limit: 200 });
    expect(older.items.every((m) => m.id < pending.items[0]!.id)).toBe(true);
    for (const user of ['pi', 'coord-emc', 'monitor', 'steering'])
      await expectCode((await h.as(user)).notifications.outbox(), 'FORBIDDEN');
  });

  it('the audit chain verifies after all of it', async () => {
    expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
  });
});
