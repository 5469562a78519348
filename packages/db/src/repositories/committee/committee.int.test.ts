// The dataset loader and data-cut storage on a fresh in-memory database with the demo seed.
import { canonicalJson } from '@trialdesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../database.js';
import { execute, openTestDatabase } from '../../testing/index.js';
import { findDataCut, insertDataCut, listDataCuts, verifyDataCut } from './data-cuts.js';
import { loadTrialDataset } from './load-dataset.js';

const AS_OF = '2026-11-26';
let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase({ seed: { asOf: AS_OF, now: `${AS_OF}T10:00:00.000Z` } });
});
afterAll(() => open.close());

const trial = { id: 'pump-iii', synthetic: true };

describe('loadTrialDataset', () => {
  it('holds every non-voided participant and record dated on or before the as-of date', async () => {
    const data = await loadTrialDataset(open.db, trial, AS_OF);
    expect(data.participants).toHaveLength(45);
    const events = await open.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('trial_id', '=', 'pump-iii')
      .executeTakeFirstOrThrow();
    expect(data.participants.reduce((n, p) => n + p.events.length, 0)).toBe(Number(events.n));
    const screenings = await open.db
      .selectFrom('screenings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('trial_id', '=', 'pump-iii')
      .executeTakeFirstOrThrow();
    expect(data.screenings).toHaveLength(Number(screenings.n));
  });

  it('shows the trial as it stood at an earlier date', async () => {
    const data = await loadTrialDataset(open.db, trial, '2022-01-31');
    const included = await open.db
      .selectFrom('participants')
      .select('study_id')
      .where('trial_id', '=', 'pump-iii')
      .where('inclusion_date', '<=', '2022-01-31')
      .execute();
    expect(data.participants.map((p) => p.studyId).sort()).toEqual(included.map((r) => r.study_id).sort());
    for (const p of data.participants) {
      for (const e of p.events) expect(e.date <= '2022-01-31').toBe(true);
      for (const a of p.assessments) if (a.performedDate) expect(a.performedDate <= '2022-01-31').toBe(true);
      if (p.timeZero) expect(p.timeZero <= '2022-01-31').toBe(true);
      if (p.offStudy) expect(p.offStudy.date <= '2022-01-31').toBe(true);
    }
  });

  it('carries the reason a pump was not placed (migration 002)', async () => {
    const p = await open.db
      .selectFrom('participants')
      .select('id')
      .where('study_id', '=', 'PUMP3-EMC-003')
      .executeTakeFirstOrThrow();
    await execute(
      open.db,
      'UPDATE participants SET pump_date = NULL, pump_not_placed_reason = ? WHERE id = ?',
      'Catheter could not be placed',
      p.id,
    );
    const data = await loadTrialDataset(open.db, trial, AS_OF);
    const mine = data.participants.find((x) => x.studyId === 'PUMP3-EMC-003');
    expect(mine).toMatchObject({ pumpDate: null, pumpNotPlacedReason: 'Catheter could not be placed' });
  });

  it('leaves out voided records', async () => {
    const before = await loadTrialDataset(open.db, trial, AS_OF);
    const victim = before.participants.find((p) => p.events.length > 0);
    expect(victim).toBeDefined();
    const eventId = victim?.events[0]?.id ?? -1;
    await open.db
      .updateTable('events')
      .set({ voided_at: `${AS_OF}T11:00:00.000Z`, void_reason: 'test' })
      .where('id', '=', eventId)
      .execute();
    const after = await loadTrialDataset(open.db, trial, AS_OF);
    const again = after.participants.find((p) => p.studyId === victim?.studyId);
    expect(again?.events.map((e) => e.id)).not.toContain(eventId);
    expect(again?.events).toHaveLength((victim?.events.length ?? 0) - 1);
  });
});

describe('data cuts', () => {
  it('stores canonical JSON with its SHA-256 hash, and the database refuses to change or remove it', async () => {
    const data = await loadTrialDataset(open.db, trial, '2025-06-30');
    const cut = await insertDataCut(open.db, {
      trialId: 'pump-iii',
      label: 'DSMB June 2025',
      asOf: '2025-06-30',
      createdAt: `${AS_OF}T12:00:00.000Z`,
      createdBy: null,
      snapshot: data,
      participants: data.participants.length,
    });
    expect(cut.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await findDataCut(open.db, 'pump-iii', cut.id);
    expect(stored?.snapshot).toBe(canonicalJson(data));
    expect(verifyDataCut(stored!)).toMatchObject({ ok: true, canonical: true });
    // Listed with the demo's two earlier cuts (seed-demo-meetings.ts).
    expect((await listDataCuts(open.db, 'pump-iii')).map((c) => c.label)).toContain('DSMB June 2025');
    await expect(
      execute(open.db, 'UPDATE data_cuts SET label = ? WHERE id = ?', 'x', cut.id),
    ).rejects.toThrow(/immutable/);
    await expect(execute(open.db, 'DELETE FROM data_cuts WHERE id = ?', cut.id)).rejects.toThrow(/immutable/);
  });

  it('detects a snapshot whose text no longer matches its hash', () => {
    const text = canonicalJson({ a: 1 });
    const tampered = {
      snapshot: canonicalJson({ a: 2 }),
      contentHash: verifyDataCut({ snapshot: text, contentHash: '' }).computedHash,
    };
    expect(verifyDataCut(tampered).ok).toBe(false);
    expect(verifyDataCut({ snapshot: '{"b":1, "a":2}', contentHash: '' }).canonical).toBe(false);
  });
});
