// Unknown input fields are refused, not dropped: every object in every procedure's input schema is
// strict (a smuggled field answers 400 naming it). Walks the input schema of every procedure.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../src/root.js';
import { asDutch, fieldsOf, rowCounts } from './entry-helpers.js';
import { createHarness, expectCode } from './harness.js';

type Def = Record<string, unknown> & { type: string };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Paths of the objects that would drop an unknown field instead of refusing it. */
function looseObjects(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, at: string) => looseObjects(child, at, seen);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const catchall = def.catchall;
      const strict = catchall !== undefined && defOf(catchall).type === 'never';
      return [
        ...(strict ? [] : [path || '(input)']),
        ...Object.entries(shape).flatMap(([k, v]) => walk(v, path ? `${path}.${k}` : k)),
      ];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType, path);
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'union':
      return (def.options as unknown[]).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'record':
      return walk(def.valueType, `${path}{}`);
    case 'tuple':
      return (def.items as unknown[]).flatMap((o, i) => walk(o, `${path}[${i}]`));
    case 'lazy':
      return walk((def.getter as () => unknown)(), path);
    default:
      return [];
  }
}

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: unknown[] } }> } })._def
    .procedures,
);

describe('unknown input fields', () => {
  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it('every object of every procedure input is strict', () => {
    const loose = procedures.flatMap(([name, p]) =>
      p._def.inputs.flatMap((input) => looseObjects(input, '').map((at) => `${name}: ${at}`)),
    );
    expect(loose).toEqual([]);
  });

  it('the walker sees a loose object where there is one', () => {
    expect(looseObjects(z.object({ a: z.array(z.object({ b: z.string() })).optional() }), '')).toEqual([
      '(input)',
      'a[]',
    ]);
    expect(looseObjects(z.strictObject({ a: z.string() }), '')).toEqual([]);
  });
});

describe('a smuggled field', () => {
  it('is refused with 400 naming it, in English and Dutch, and writes nothing', async () => {
    const h = await createHarness();
    try {
      const coord = await h.as('coord-emc');
      const coordNl = await asDutch(h, 'coord-emc');
      const pi = await h.as('pi');
      // Logins are audited; from here on nothing may be written.
      const before = await rowCounts(h.open.db);
      const en = await expectCode(
        coord.entry.screening.record({
          trialId: 'pump-iii',
          screeningDate: '2026-11-24',
          outcome: 'declined',
          isAdmin: true,
        } as never),
        'BAD_REQUEST',
      );
      expect(fieldsOf(en)._).toEqual(['Unknown field: isAdmin']);
      const nl = await expectCode(
        coordNl.entry.corrections.void({
          trialId: 'pump-iii',
          target: { record: 'participant', studyId: 'PUMP3-EMC-001', hard: true },
          reason: 'Entered twice',
        } as never),
        'BAD_REQUEST',
      );
      expect(fieldsOf(nl)['target']).toEqual(['Onbekend veld: hard']);
      const cut = await expectCode(
        pi.committee.dataCuts.create({
          trialId: 'pump-iii',
          label: 'Cut',
          asOf: '2026-11-26',
          centre: 'EMC',
        } as never),
        'BAD_REQUEST',
      );
      expect(cut.cause).toMatchObject({ issues: [{ code: 'unrecognized_keys', keys: ['centre'] }] });
      await expectCode(
        pi.participants.list({ trialId: 'pump-iii', includeVoided: true } as never),
        'BAD_REQUEST',
      );
      expect(await rowCounts(h.open.db)).toEqual(before);
      // What the web's infinite query adds to the Audit page's input is a known field, not a smuggled one.
      const page = await (await h.as('admin')).audit.list({ limit: 5, direction: 'forward' });
      expect(page.rows).toHaveLength(5);
    } finally {
      await h.close();
    }
  });
});
