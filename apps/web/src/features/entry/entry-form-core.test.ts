import { surgeryInput } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { problemsOf, submitStep, type SubmitStep } from './entry-form-core';
import { combine, messageFor, serverFields } from './field-errors';

interface Values {
  surgeryDate: string;
  pumpDate: string;
}

const toInput = (v: Values) => ({
  trialId: 'pump-iii',
  studyId: 'PUMP3-EMC-007',
  surgeryDate: v.surgeryDate,
  pump: { placed: true as const, date: v.pumpDate },
});

/** A fresh form state per test: what submitStep sent and showed. */
function harness(values: Values, extra: Partial<SubmitStep<Values, ReturnType<typeof toInput>>> = {}) {
  const sent: ReturnType<typeof toInput>[] = [];
  const shown: Record<string, readonly string[]>[] = [];
  const settle: (() => void)[] = [];
  const step: SubmitStep<Values, ReturnType<typeof toInput>> = {
    values,
    schema: surgeryInput,
    lang: 'en',
    toInput,
    busy: { current: false },
    isPending: false,
    showProblems: (p) => shown.push({ ...p }),
    send: (input, settled) => {
      sent.push(input);
      settle.push(settled);
    },
    ...extra,
  };
  return { step, sent, shown, settle };
}

const filled = { surgeryDate: '2026-03-02', pumpDate: '2026-03-02' };

describe('useEntryForm: what one submit does', () => {
  it('checks the request with the shared schema, in the user’s language, and sends nothing invalid', () => {
    for (const [lang, required] of [
      ['en', 'Required'],
      ['nl', 'Verplicht'],
    ] as const) {
      const h = harness({ surgeryDate: '', pumpDate: '' }, { lang });
      let prevented = false;
      expect(submitStep(h.step, { preventDefault: () => (prevented = true) })).toBe(false);
      expect(prevented).toBe(true);
      expect(h.sent).toEqual([]);
      expect(h.shown).toEqual([{ surgeryDate: [required], 'pump.date': [required] }]);
      // The pump date's message lands on the pump input, which shows the 'pump' field and its sub-fields.
      expect(messageFor(h.shown[0] ?? {}, 'pump')).toBe(required);
    }
  });

  it('sends the translated request once, clears the shown problems, and ignores a second Enter until answered', () => {
    const h = harness(filled);
    expect(submitStep(h.step)).toBe(true);
    expect(h.shown).toEqual([{}]);
    expect(h.sent).toEqual([toInput(filled)]);
    expect(submitStep(h.step)).toBe(false);
    expect(h.sent).toHaveLength(1);
    h.settle[0]?.();
    expect(submitStep(h.step)).toBe(true);
    expect(h.sent).toHaveLength(2);
  });

  it('does nothing while the mutation is pending (a re-mounted form, a retry in flight)', () => {
    const h = harness(filled, { isPending: true });
    expect(submitStep(h.step)).toBe(false);
    expect(h.sent).toEqual([]);
    expect(h.shown).toEqual([]);
  });

  it('lets a precheck speak first for its fields and their parents, the schema for the rest', () => {
    const h = harness(
      { surgeryDate: '', pumpDate: '' },
      { precheck: () => ({ 'pump.date.day': ['Pick a day on the calendar'] }) },
    );
    expect(submitStep(h.step)).toBe(false);
    expect(h.shown).toEqual([{ 'pump.date.day': ['Pick a day on the calendar'], surgeryDate: ['Required'] }]);
  });
});

describe('problemsOf', () => {
  it('keeps a precheck’s own words for a field the schema also refuses', () => {
    const input = toInput({ surgeryDate: '', pumpDate: '2026-03-02' });
    expect(problemsOf(surgeryInput, input, 'nl', { surgeryDate: ['Eerst de operatie'] })).toEqual({
      surgeryDate: ['Eerst de operatie'],
    });
    expect(problemsOf(surgeryInput, toInput(filled), 'en')).toEqual({});
  });
});

describe('server refusals on the form', () => {
  // The API's error shape (packages/api/src/trpc.ts): per-field messages in the user's language.
  const refusal = {
    message: 'Invalid input',
    data: {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      key: null,
      params: null,
      fields: { 'pump.date': ['De pompdatum ligt vóór de operatie'] },
    },
  };

  it('places the server’s field messages once the browser has nothing to say', () => {
    const errors = combine({}, serverFields(refusal));
    expect(messageFor(errors, 'pump')).toBe('De pompdatum ligt vóór de operatie');
    expect(messageFor(errors, 'surgeryDate')).toBeUndefined();
  });

  it('shows the browser’s newer findings instead of an older refusal', () => {
    const errors = combine({ surgeryDate: ['Verplicht'] }, serverFields(refusal));
    expect(messageFor(errors, 'pump')).toBeUndefined();
    expect(messageFor(errors, 'surgeryDate')).toBe('Verplicht');
  });
});
