// Every value an audit entry can record is shown under a name in both languages, and values read as
// words, dates and lists, never as camelCase names or raw JSON (issue 10).
import { auditEventSchema } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { auditFieldName, auditFieldNames, readableValue, wordsOf } from './audit-fields';

/** The part of a zod schema's definition this walk reads. */
interface Def {
  type?: string;
  shape?: Record<string, { _zod?: { def: Def } }>;
  innerType?: { _zod?: { def: Def } };
  in?: { _zod?: { def: Def } };
  element?: { _zod?: { def: Def } };
  options?: { _zod?: { def: Def } }[];
}

function fieldNames(schema: { _zod?: { def: Def } } | undefined, into: Set<string>): Set<string> {
  const def = schema?._zod?.def;
  if (!def) return into;
  if (def.type === 'object') {
    for (const [name, inner] of Object.entries(def.shape ?? {})) {
      into.add(name);
      fieldNames(inner, into);
    }
    return into;
  }
  for (const inner of [def.innerType, def.in, def.element, ...(def.options ?? [])]) fieldNames(inner, into);
  return into;
}

const events = (auditEventSchema as unknown as { _zod: { def: Def } })._zod.def.options ?? [];

describe('audit field names', () => {
  it('names every field of every audit payload in English and Dutch', () => {
    const fields = new Set<string>();
    for (const e of events) {
      fieldNames(e._zod?.def.shape?.before, fields);
      fieldNames(e._zod?.def.shape?.after, fields);
    }
    expect(fields.size).toBeGreaterThan(40);
    const missing = [...fields].filter((f) => !auditFieldNames[f]?.en || !auditFieldNames[f]?.nl);
    expect(missing).toEqual([]);
  });

  it('shows names, and splits an unknown field into words', () => {
    expect(auditFieldName('flowRateMlDay', 'en')).toBe('Flow rate (mL/day)');
    expect(auditFieldName('pumpNotPlacedReason', 'nl')).toBe('Reden pomp niet geplaatst');
    expect(wordsOf('someNewField')).toBe('Some new field');
  });
});

describe('readableValue', () => {
  const date = (iso: string) => `day ${iso}`;
  it('writes dates, yes/no, numbers, lists and nested values for reading, not as JSON', () => {
    expect(readableValue('2026-11-29', 'en', date)).toBe('day 2026-11-29');
    expect(readableValue(true, 'nl', date)).toBe('ja');
    expect(readableValue(1.5, 'nl', date)).toBe('1,5');
    expect(readableValue(['platelets', 'anc'], 'en', date)).toBe('platelets, anc');
    expect(readableValue({ to: '2026-11-26', username: 'pi' }, 'en', date)).toBe(
      'To: day 2026-11-26; Username: pi',
    );
    expect(readableValue(null, 'en', date)).toBeNull();
  });
});

describe('values that are names', () => {
  const date = (iso: string) => `D${iso}`;
  it('read a field name, a kind of record and a code as words, also inside nested values', () => {
    expect(readableValue('performedDate', 'en', date, 'field')).toBe('Date performed');
    expect(readableValue(['performedDate', 'cea'], 'nl', date, 'changedFields')).not.toMatch(/[a-z][A-Z]/);
    expect(readableValue('assessment', 'nl', date, 'recordType')).toBe('Evaluatie');
    expect(readableValue('out_of_window', 'en', date, 'rule')).toBe('Out of window');
    expect(readableValue({ field: 'performedDate' }, 'en', date)).toBe('Field: Date performed');
    // Free text under any other name stays as written.
    expect(readableValue('performedDate', 'en', date, 'text')).toBe('performedDate');
  });
});
