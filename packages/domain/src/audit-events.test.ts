import { describe, expect, it } from 'vitest';
import { auditActions } from './audit.js';
import { auditEventSchema, type AuditEvent } from './audit-events.js';

const envelope = { entityId: 'x', trialId: 'pump-iii', centre: 'EMC', participant: null, reason: null };

describe('audit events', () => {
  it('give every documented action a payload shape, and no other', () => {
    const typed = new Set(auditEventSchema.options.map((o) => o.shape.action.value));
    expect([...typed].sort()).toEqual(Object.keys(auditActions).sort());
  });

  it('accept a payload of its action and refuse one of another shape', () => {
    const good: AuditEvent = {
      action: 'trial.settings_changed',
      entityType: 'trial',
      ...envelope,
      before: { target: 45 },
      after: { target: 50 },
      reason: 'more centres',
    };
    expect(auditEventSchema.safeParse(good).success).toBe(true);
    expect(auditEventSchema.safeParse({ ...good, after: { target: '50' } }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...good, after: { target: 50, extra: 1 } }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...good, entityType: 'user' }).success).toBe(false);
  });

  it('type a correction by the kind of record and require its reason', () => {
    const corrected = {
      action: 'record.corrected',
      entityType: 'assessment',
      ...envelope,
      before: { cea: 5 },
      after: { cea: 4.5 },
      reason: 'typo',
    };
    expect(auditEventSchema.safeParse(corrected).success).toBe(true);
    expect(auditEventSchema.safeParse({ ...corrected, reason: ' ' }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...corrected, after: { deathCause: 'x' } }).success).toBe(false);
    expect(
      auditEventSchema.safeParse({
        ...corrected,
        entityType: 'event',
        before: {},
        after: { deathCause: 'x' },
      }).success,
    ).toBe(true);
  });
});
