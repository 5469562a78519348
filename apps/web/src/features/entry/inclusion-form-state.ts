// The inclusion form's values and their translation into the shared input: numbers typed with a comma
// or point, empty fields left out so that the schema and the eligibility rules can say what is missing.
import {
  asksAge,
  needsLabDate,
  type EligibilityInput,
  type InclusionInput,
  type TrialDefinition,
} from '@trialdesk/domain';
import { numberOrNull, textOrNull } from './field-errors';

export interface InclusionFormValues {
  centre: string;
  inclusionDate: string;
  consentDate: string;
  labDate: string;
  sex: '' | 'female' | 'male';
  age: number | string;
  answers: Record<string, boolean | undefined>;
  measures: Record<string, { value: number | string; uln: number | string }>;
  screeningNumber: string;
}

export function emptyInclusion(centre: string | null): InclusionFormValues {
  return {
    centre: centre ?? '',
    inclusionDate: '',
    consentDate: '',
    labDate: '',
    sex: '',
    age: '',
    answers: {},
    measures: {},
    screeningNumber: '',
  };
}

function measuresOf(values: InclusionFormValues) {
  const out: Record<string, { value: number; uln: number | null }> = {};
  for (const [id, m] of Object.entries(values.measures)) {
    const value = numberOrNull(m.value);
    if (value !== null) out[id] = { value, uln: numberOrNull(m.uln) };
  }
  return out;
}

function answersOf(values: InclusionFormValues) {
  const out: Record<string, boolean> = {};
  for (const [id, a] of Object.entries(values.answers)) if (a !== undefined) out[id] = a;
  return out;
}

/** What the eligibility rules see while the coordinator types. */
export function eligibilityInputOf(values: InclusionFormValues): EligibilityInput {
  return {
    answers: answersOf(values),
    measures: measuresOf(values),
    labDate: values.labDate || null,
    consentDate: values.consentDate || null,
    inclusionDate: values.inclusionDate || null,
  };
}

/** The request; `centre` only for a user who chooses it (administrators). */
export function inclusionInputOf(
  trialId: string,
  def: TrialDefinition,
  values: InclusionFormValues,
  choosesCentre: boolean,
): InclusionInput {
  const age = numberOrNull(values.age);
  const screeningNumber = textOrNull(values.screeningNumber);
  return {
    trialId,
    ...(choosesCentre && values.centre ? { centre: values.centre } : {}),
    inclusionDate: values.inclusionDate,
    consentDate: values.consentDate,
    labDate: needsLabDate(def) ? values.labDate : null,
    sex: values.sex as 'female' | 'male',
    answers: answersOf(values),
    measures: measuresOf(values),
    ...(!asksAge(def) && age !== null ? { age } : {}),
    ...(screeningNumber ? { screeningNumber: screeningNumber.toUpperCase() } : {}),
  };
}
