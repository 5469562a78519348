// What an entry form does when it is sent, without React: check the request with the shared schema (and
// any check that must speak first), show the problems per field, and send only a clean request, once.
// useEntryForm wires this to React state; tests drive it directly.
import type { z } from 'zod';
import type { Lang } from '../../i18n/catalogue';
import { checkWith, hasErrors, type FieldErrors } from './field-errors';

/**
 * The problems of a request: those of `first` (e.g. the eligibility rules' words for a missing lab
 * value), then the schema's for every field `first` does not already speak about (itself or a sub-field).
 */
export function problemsOf(
  schema: z.ZodType,
  input: unknown,
  lang: Lang,
  first: FieldErrors = {},
): FieldErrors {
  const out: Record<string, readonly string[]> = { ...first };
  for (const [key, m] of Object.entries(checkWith(schema, input, lang))) {
    const covered = Object.keys(out).some((p) => p === key || p.startsWith(`${key}.`));
    if (!covered) out[key] = m;
  }
  return out;
}

export interface SubmitStep<V, I> {
  values: V;
  schema: z.ZodType;
  lang: Lang;
  toInput: (values: V) => I;
  precheck?: ((values: V, input: I) => FieldErrors) | undefined;
  /** True from sending until the server answered: a second Enter or click then does nothing. */
  busy: { current: boolean };
  isPending: boolean;
  showProblems: (problems: FieldErrors) => void;
  send: (input: I, settled: () => void) => void;
}

/** One press of the submit button (or Enter in a field): returns whether the request went out. */
export function submitStep<V, I>(step: SubmitStep<V, I>, event?: { preventDefault(): void }): boolean {
  event?.preventDefault();
  if (step.busy.current || step.isPending) return false;
  const input = step.toInput(step.values);
  const problems = problemsOf(step.schema, input, step.lang, step.precheck?.(step.values, input));
  step.showProblems(problems);
  if (hasErrors(problems)) return false;
  step.busy.current = true;
  step.send(input, () => {
    step.busy.current = false;
  });
  return true;
}
