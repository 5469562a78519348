// Committee meeting records on both engines: the demo's two signed meetings on earlier cuts, a draft signed
// once, and the database's refusal to change a signed record or delete any.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../database.js';
import { openTestDatabase } from '../../testing/index.js';
import { findDataCut, listDataCuts } from './data-cuts.js';
import {
  findMeeting,
  insertMeeting,
  listMeetings,
  meetingSignatureHash,
  signMeeting,
  signedMeetingContent,
} from './meetings.js';

const AS_OF = '2026-11-26';
let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase({ seed: { asOf: AS_OF, now: `${AS_OF}T10:00:00.000Z` } });
});
afterAll(() => open.close());

describe('the demo', () => {
  it('holds two signed meetings on two earlier cuts, each bound to its cut’s hash', async () => {
    const meetings = await listMeetings(open.db, 'pump-iii');
    expect(meetings.map((m) => m.recommendation)).toEqual(['modify', 'continue']);
    const cuts = await listDataCuts(open.db, 'pump-iii');
    for (const m of meetings) {
      const cut = await findDataCut(open.db, 'pump-iii', m.cutId);
      expect(cut?.contentHash).toBe(m.cutHash);
      expect(cut && cut.asOf < AS_OF && m.meetingDate > cut.asOf).toBe(true);
      expect(m.signature?.hash).toBe(
        meetingSignatureHash(
          signedMeetingContent(m, m.signature?.signedBy ?? '', m.signature?.signedAt ?? ''),
        ),
      );
    }
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    expect(await listMeetings(open.db, 'artery-2')).toEqual([]);
  });
});

describe('a signed record', () => {
  it('is signed once, then neither changes nor disappears', async () => {
    const [cut] = await listDataCuts(open.db, 'pump-iii');
    if (!cut) throw new Error('the demo has cuts');
    const m = await insertMeeting(open.db, {
      trialId: 'pump-iii',
      meetingDate: AS_OF,
      attendees: ['A', 'B'],
      cutId: cut.id,
      cutHash: cut.contentHash,
      recommendation: 'stop',
      minutes: 'Test minutes',
      createdAt: `${AS_OF}T11:00:00.000Z`,
      createdBy: null,
    });
    // A draft may still change (the application offers no such write, the database allows it).
    await sql`UPDATE committee_meetings SET minutes = 'Corrected draft' WHERE id = ${m.id}`.execute(open.db);
    const signer = (
      await open.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'steering')
        .executeTakeFirstOrThrow()
    ).id;
    const sign = () =>
      signMeeting(open.db, {
        trialId: 'pump-iii',
        id: m.id,
        signedAt: `${AS_OF}T12:00:00.000Z`,
        signedBy: { id: Number(signer), name: 'Chair' },
        hash: 'a'.repeat(64),
      });
    expect(await sign()).toBe(true);
    // Signing again matches no unsigned row: nothing is written.
    expect(await sign()).toBe(false);
    await expect(
      sql`UPDATE committee_meetings SET minutes = 'changed' WHERE id = ${m.id}`.execute(open.db),
    ).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM committee_meetings WHERE id = ${m.id}`.execute(open.db)).rejects.toThrow(
      /never deleted/,
    );
    const stored = await findMeeting(open.db, 'pump-iii', m.id);
    expect(stored).toMatchObject({ minutes: 'Corrected draft', signature: { signedBy: 'Chair' } });
    expect(await findMeeting(open.db, 'artery-2', m.id)).toBeUndefined();
  });
});
