import { describe, expect, it } from 'vitest';
import { coveringLock, lockRefusal, type LockView } from './lock-words';

const lock = (id: number, over: Partial<LockView>): LockView => ({
  id,
  scope: 'participant',
  studyId: 'PUMP3-EMC-001',
  centre: 'EMC',
  recordType: null,
  recordId: null,
  targetLabel: 'PUMP3-EMC-001',
  reason: 'Interim analysis',
  lockedAt: '2026-11-20T09:30:00.000Z',
  lockedByName: 'Demo data manager',
  unlockedAt: null,
  unlockedByName: null,
  unlockReason: null,
  synthetic: true,
  ...over,
});

const visit = lock(3, {
  scope: 'record',
  recordType: 'cycle',
  recordId: 17,
  targetLabel: 'PUMP3-EMC-001, cycle 2',
});

describe('coveringLock', () => {
  it('finds a record lock only for that record of that participant', () => {
    expect(coveringLock([visit], 'PUMP3-EMC-001', { type: 'cycle', id: 17 })?.id).toBe(3);
    expect(coveringLock([visit], 'PUMP3-EMC-001', { type: 'cycle', id: 18 })).toBeNull();
    expect(coveringLock([visit], 'PUMP3-EMC-001', { type: 'event', id: 17 })).toBeNull();
    expect(coveringLock([visit], 'PUMP3-EMC-002', { type: 'cycle', id: 17 })).toBeNull();
    // The participant record itself (surgery, inclusion) is not covered by a visit's lock.
    expect(coveringLock([visit], 'PUMP3-EMC-001')).toBeNull();
  });

  it('prefers the widest lock: trial, then participant, then record', () => {
    const participant = lock(2, {});
    const trial = lock(1, { scope: 'trial', studyId: null, centre: null, targetLabel: '' });
    const record = { type: 'cycle' as const, id: 17 };
    expect(coveringLock([visit, participant], 'PUMP3-EMC-001', record)?.id).toBe(2);
    expect(coveringLock([visit, participant, trial], 'PUMP3-EMC-001', record)?.id).toBe(1);
    expect(coveringLock([trial], 'PUMP3-AVL-009')?.id).toBe(1);
    expect(coveringLock([participant], 'PUMP3-AVL-009')).toBeNull();
  });

  it('ignores lifted locks', () => {
    const lifted = lock(2, {
      unlockedAt: '2026-11-21T10:00:00.000Z',
      unlockedByName: 'X',
      unlockReason: 'y',
    });
    expect(coveringLock([lifted], 'PUMP3-EMC-001')).toBeNull();
  });
});

describe('lockRefusal', () => {
  it('words the refusal as the server does, in English and Dutch', () => {
    expect(lockRefusal(visit, 'en')).toBe(
      'This record (PUMP3-EMC-001, cycle 2) is locked (lock 3, by Demo data manager on 20 Nov 2026: “Interim analysis”). It cannot be changed until the data manager unlocks it.',
    );
    expect(lockRefusal(lock(2, {}), 'nl')).toContain(
      'Deelnemer PUMP3-EMC-001 is vergrendeld (vergrendeling 2, door Demo data manager op',
    );
  });
});
