// An attacker's and a careless user's review of signatures, SAEs and notifications: a double submit signs
// once (the second a clear conflict), awareness times at and past their limits are refused with the field
// named, and a person who left a trial no longer reads its notices. The audit chain verifies after each.
import { DEMO_PASSWORD, verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../src/errors.js';
import { asDutch } from './entry-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const chainHolds = async () => expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
const signatureCount = async (entityId: string) =>
  Number(
    (await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM signatures WHERE entity_id = ?', entityId))?.n,
  );

describe('signing twice', () => {
  const trialId = 'artery-2';

  it('signs a casebook once: the same signer again on the same data is a conflict, in English and Dutch', async () => {
    const pi = await h.as('pi');
    const studyId = 'ART2-EMC-021';
    const before = await signatureCount(studyId);
    await pi.signatures.signCasebook({ trialId, studyId, password: DEMO_PASSWORD });
    const again = await expectCode(
      pi.signatures.signCasebook({ trialId, studyId, password: DEMO_PASSWORD }),
      'CONFLICT',
    );
    expect((again as AppError).key).toBe('signature.already');
    expect(again.message).toMatch(/^You signed these data already, on \d{1,2} \w+ \d{4}/);
    const dutch = await asDutch(h, 'pi');
    const nl = await expectCode(
      dutch.signatures.signCasebook({ trialId, studyId, password: DEMO_PASSWORD }),
      'CONFLICT',
    );
    expect(nl.message).toMatch(/^U hebt deze gegevens al ondertekend/);
    expect(await signatureCount(studyId)).toBe(before + 1);
    await chainHolds();
  });

  it('signs once when the same signature is sent twice at once', async () => {
    const pi = await h.as('pi');
    const studyId = 'ART2-EMC-023';
    const before = await signatureCount(studyId);
    const results = await Promise.allSettled([
      pi.signatures.signCasebook({ trialId, studyId, password: DEMO_PASSWORD }),
      pi.signatures.signCasebook({ trialId, studyId, password: DEMO_PASSWORD }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await signatureCount(studyId)).toBe(before + 1);
    await chainHolds();
  });

  it('signs a data cut once', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'Signed twice?', asOf: '2026-10-01' });
    await pi.signatures.signDataCut({ trialId, cutId: cut.id, password: DEMO_PASSWORD });
    const again = await expectCode(
      pi.signatures.signDataCut({ trialId, cutId: cut.id, password: DEMO_PASSWORD }),
      'CONFLICT',
    );
    expect((again as AppError).key).toBe('signature.already');
    expect(await signatureCount(String(cut.id))).toBe(1);
    await chainHolds();
  });
});

describe('the time an SAE became known, at and past its limits', () => {
  it('refuses every malformed or impossible wall-clock time with the field named', async () => {
    const coord = await h.as('coord-emc');
    const row = await h.row<{ study_id: string; id: number }>(
      `SELECT p.study_id, e.id FROM events e JOIN participants p ON p.id = e.participant_id
       WHERE p.trial_id = 'pump-iii' AND p.centre = 'EMC' AND e.type = 'complication' AND e.voided_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM serious_adverse_events s WHERE s.event_id = e.id)`,
    );
    const base = {
      trialId: 'pump-iii',
      studyId: row!.study_id,
      eventId: Number(row!.id),
      criteria: ['hospitalisation' as const],
      assessments: [
        { intervention: 'floxuridine', causality: 'not_related' as const, expected: null },
        { intervention: 'pump', causality: 'not_related' as const, expected: null },
        { intervention: 'surgery', causality: 'not_related' as const, expected: null },
      ],
      description: 'Admitted',
    };
    const saes = Number((await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM serious_adverse_events'))?.n);
    for (const awareAt of [
      '2025-02-29T10:00', // no 29 February in 2025
      '2026-11-26T24:00',
      '2026-11-26T10:60',
      '2026-13-01T10:00',
      '2026-11-26 10:00',
      '2026-11-26T10:00Z',
      '2026-11-26T10:00:00',
      '+02026-11-26T10:00',
      '2026-11-26T11:01', // a minute after now (10:00 UTC is 11:00 in Amsterdam)
      '2026-03-29T02:30', // the hour summer time skips
    ]) {
      const e = await expectCode(coord.safety.reportSae({ ...base, awareAt }), 'BAD_REQUEST');
      expect(Object.keys((e as AppError).fields ?? {})).toEqual(['awareAt']);
    }
    expect(Number((await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM serious_adverse_events'))?.n)).toBe(
      saes,
    );
    await chainHolds();
  });
});

describe('notices of a trial one has left', () => {
  it('are no longer listed or counted, and come back with the membership', async () => {
    const admin = await h.as('admin');
    const user = await h.row<{ id: number }>("SELECT id FROM users WHERE username = 'coord-ijsselland'");
    const userId = Number(user!.id);
    const coord = await h.as('coord-ijsselland');
    const mine = await coord.notifications.list({ limit: 200 });
    const ofPump = mine.items.filter((n) => n.trialId === 'pump-iii');
    expect(ofPump.length).toBeGreaterThan(0);

    const membership = await h.row<{ role: string; centre: string }>(
      "SELECT role, centre FROM trial_memberships WHERE user_id = ? AND trial_id = 'pump-iii' AND ended_at IS NULL",
      userId,
    );
    await admin.users.removeMembership({ userId, trialId: 'pump-iii' });
    const after = await coord.notifications.list({ limit: 200 });
    expect(after.items.filter((n) => n.trialId === 'pump-iii')).toEqual([]);
    expect(JSON.stringify(after.items)).not.toMatch(/PUMP3-/);
    const unreadOfPump = ofPump.filter((n) => !n.read).length;
    expect(after.unread).toBe(mine.unread - unreadOfPump);

    await admin.users.setMembership({
      userId,
      trialId: 'pump-iii',
      role: membership!.role as 'coordinator',
      centre: membership!.centre,
    });
    expect((await coord.notifications.list({ limit: 200 })).items).toEqual(mine.items);
    await chainHolds();
  });
});
