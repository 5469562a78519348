// The protocol's eligibility criteria, read one way everywhere: the server, the forms, the reports and the
// demo generator ask these accessors rather than spreading the inclusion and exclusion lists themselves.
import type { Criterion, TrialDefinition } from './trial-definition.js';

type WithEligibility = Pick<TrialDefinition, 'eligibility'>;

/** Every criterion of the protocol, inclusion criteria first. */
export function allCriteria(def: WithEligibility): Criterion[] {
  return [...def.eligibility.inclusion, ...def.eligibility.exclusion];
}

export function criterionById(def: WithEligibility, id: string): Criterion | undefined {
  return allCriteria(def).find((c) => c.id === id);
}

/**
 * Whether the checklist measures the age itself (an 'age' criterion). Without one, the inclusion form asks
 * for the age separately, because every participant's age at inclusion is recorded.
 */
export function asksAge(def: WithEligibility): boolean {
  return criterionById(def, 'age')?.kind === 'measure';
}

/** Whether any criterion is a laboratory value, so that the date the values were taken is needed. */
export function needsLabDate(def: WithEligibility): boolean {
  return allCriteria(def).some((c) => c.kind === 'measure' && c.lab);
}
