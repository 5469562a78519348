// Eligibility, evaluated from the trial definition alone: the web form runs it live while the coordinator
// types, and the server runs it again before an inclusion is written. It returns every failing criterion,
// not only the first, so a refusal can be explained in one go. A value outside its physical range is an
// input error (a typing slip), never a reason to call a patient ineligible.
import { allCriteria, criterionById, needsLabDate } from './criteria.js';
import { diffDays, isIsoDate } from './dates.js';
import type { Criterion, LocalizedText, MeasureCriterion, TrialDefinition } from './trial-definition.js';
import { formatNumber } from './entry/format.js';
import { formatMessage } from './message-format.js';
import { criterionFailure } from './eligibility-wording.js';

export interface MeasureInput {
  value: number | null | undefined;
  /** The centre's upper limit of normal, entered with the value where the threshold is relative to it. */
  uln?: number | null | undefined;
}

export interface EligibilityInput {
  answers: Readonly<Record<string, boolean | null | undefined>>;
  measures: Readonly<Record<string, MeasureInput | null | undefined>>;
  labDate: string | null | undefined;
  consentDate: string | null | undefined;
  inclusionDate: string | null | undefined;
}

/** Ids of the two date rules, reported like criteria (eligibility-wording.ts words them). */
export const LAB_DATE_RULE = 'labDate';
export const CONSENT_DATE_RULE = 'consentDate';

export interface EligibilityFailure {
  /** A criterion id from the definition, or one of the date rules. */
  criterionId: string;
  group: 'inclusion' | 'exclusion' | 'dates';
  /** The form field the failure belongs to, e.g. `measures.anc.value`. */
  field: string;
  message: LocalizedText;
}

export interface EligibilityInputError {
  criterionId: string | null;
  field: string;
  message: LocalizedText;
}

export type CriterionStatus = 'met' | 'not_met' | 'missing' | 'invalid';

export interface EligibilityResult {
  /** 'incomplete' while any item is unanswered or implausible: eligibility cannot be decided yet. */
  status: 'eligible' | 'not_eligible' | 'incomplete';
  eligible: boolean;
  failures: EligibilityFailure[];
  inputErrors: EligibilityInputError[];
  /** Status per criterion id and per date rule, for the checklist's live marks. */
  criteria: Record<string, CriterionStatus>;
}

// Values are typed by hand and limits are products such as 1.5 × 1.2 = 1.7999999999999998 in binary
// floating point; a value exactly at a limit must count as at the limit, so compare with a tiny tolerance.
function compare(a: number, b: number): -1 | 0 | 1 {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= tolerance) return 0;
  return a < b ? -1 : 1;
}

/** Whether a value lies inside a measure criterion's bounds (scaled by the ULN where relative). */
export function withinBounds(c: MeasureCriterion, value: number, uln: number | null): boolean {
  const scale = c.relativeToUln ? (uln ?? Number.NaN) : 1;
  if (c.min) {
    const cmp = compare(value, c.min.value * scale);
    if (c.min.inclusive ? cmp < 0 : cmp <= 0) return false;
  }
  if (c.max) {
    const cmp = compare(value, c.max.value * scale);
    if (c.max.inclusive ? cmp > 0 : cmp >= 0) return false;
  }
  return true;
}

const tidy = (n: number) => Number(n.toPrecision(12));

function unitSuffix(unit: string): string {
  return unit ? ` ${unit}` : '';
}

function measureFailure(
  c: MeasureCriterion,
  value: number,
  uln: number | null,
  excl: boolean,
): LocalizedText {
  const v = (lang: 'en' | 'nl') => `${formatNumber(value, lang)}${unitSuffix(c.unit)}`;
  const limit = c.max ?? c.min;
  const ulnNote = (lang: 'en' | 'nl') =>
    c.relativeToUln && uln !== null && limit
      ? lang === 'en'
        ? ` (ULN ${formatNumber(uln, 'en')}, limit ${formatNumber(tidy(limit.value * uln), 'en')})`
        : ` (ULN ${formatNumber(uln, 'nl')}, grens ${formatNumber(tidy(limit.value * uln), 'nl')})`
      : '';
  if (excl)
    return {
      en: `Exclusion criterion met: ${c.text.en} (entered ${v('en')}${ulnNote('en')})`,
      nl: `Exclusiecriterium van toepassing: ${c.text.nl} (ingevuld ${v('nl')}${ulnNote('nl')})`,
    };
  // What was wrong, then what was entered: "ANC < 1.5 ×10⁹/L (entered 1.4 ×10⁹/L)".
  const wrong = criterionFailure(c, 'inclusion');
  return {
    en: `${wrong.en} (entered ${v('en')}${ulnNote('en')})`,
    nl: `${wrong.nl} (ingevuld ${v('nl')}${ulnNote('nl')})`,
  };
}

interface Collector {
  failures: EligibilityFailure[];
  inputErrors: EligibilityInputError[];
  criteria: Record<string, CriterionStatus>;
}

function checkConfirm(out: Collector, c: Criterion, group: 'inclusion' | 'exclusion', answer: unknown) {
  const field = `answers.${c.id}`;
  if (typeof answer !== 'boolean') {
    out.criteria[c.id] = 'missing';
    out.inputErrors.push({
      criterionId: c.id,
      field,
      message: { en: 'Answer yes or no', nl: 'Beantwoord met ja of nee' },
    });
    return;
  }
  const fails = group === 'inclusion' ? !answer : answer;
  out.criteria[c.id] = fails ? 'not_met' : 'met';
  if (fails)
    out.failures.push({
      criterionId: c.id,
      group,
      field,
      message:
        group === 'inclusion'
          ? criterionFailure(c, 'inclusion')
          : {
              en: `Exclusion criterion present: ${c.text.en}`,
              nl: `Exclusiecriterium aanwezig: ${c.text.nl}`,
            },
    });
}

function measureInputError(
  out: Collector,
  c: MeasureCriterion,
  field: string,
  message: LocalizedText,
  status: CriterionStatus = 'invalid',
): null {
  out.criteria[c.id] = status;
  out.inputErrors.push({ criterionId: c.id, field, message });
  return null;
}

/** Checks a measured value's type, physical range and ULN; returns the usable value or null. */
function usableMeasure(
  out: Collector,
  c: MeasureCriterion,
  input: MeasureInput | null | undefined,
): { value: number; uln: number | null } | null {
  const field = `measures.${c.id}.value`;
  const value = input?.value;
  if (value === null || value === undefined)
    return measureInputError(out, c, field, { en: 'Enter a value', nl: 'Vul een waarde in' }, 'missing');
  if (typeof value !== 'number' || !Number.isFinite(value))
    return measureInputError(out, c, field, { en: 'Enter a number', nl: 'Vul een getal in' });
  if (c.integer && !Number.isInteger(value))
    return measureInputError(out, c, field, { en: 'Enter a whole number', nl: 'Vul een geheel getal in' });
  if (value < c.plausible.min || value > c.plausible.max) {
    const range = (lang: 'en' | 'nl') =>
      `${formatNumber(c.plausible.min, lang)}–${formatNumber(c.plausible.max, lang)}${unitSuffix(c.unit)}`;
    return measureInputError(out, c, field, {
      en: `Outside the possible range ${range('en')}: check the value`,
      nl: `Buiten het mogelijke bereik ${range('nl')}: controleer de waarde`,
    });
  }
  if (!c.relativeToUln) return { value, uln: null };
  const ulnField = `measures.${c.id}.uln`;
  const uln = input?.uln;
  if (uln === null || uln === undefined)
    return measureInputError(
      out,
      c,
      ulnField,
      {
        en: "Enter the centre's upper limit of normal (ULN)",
        nl: 'Vul de bovengrens van normaal (ULN) van het centrum in',
      },
      'missing',
    );
  if (typeof uln !== 'number' || !Number.isFinite(uln) || uln <= 0 || uln > c.plausible.max)
    return measureInputError(out, c, ulnField, {
      en: `The ULN must be above 0 and at most ${formatNumber(c.plausible.max, 'en')}${unitSuffix(c.unit)}`,
      nl: `De ULN moet boven 0 liggen en hoogstens ${formatNumber(c.plausible.max, 'nl')}${unitSuffix(c.unit)} zijn`,
    });
  return { value, uln };
}

function checkMeasure(
  out: Collector,
  c: MeasureCriterion,
  group: 'inclusion' | 'exclusion',
  input: MeasureInput | null | undefined,
) {
  const m = usableMeasure(out, c, input);
  if (!m) return;
  const inside = withinBounds(c, m.value, m.uln);
  // An inclusion measure must lie inside its bounds; an exclusion measure excludes when it does.
  const fails = group === 'inclusion' ? !inside : inside;
  out.criteria[c.id] = fails ? 'not_met' : 'met';
  if (fails)
    out.failures.push({
      criterionId: c.id,
      group,
      field: `measures.${c.id}.value`,
      message: measureFailure(c, m.value, m.uln, group === 'exclusion'),
    });
}

const invalidDate: LocalizedText = {
  en: 'Not a calendar date (YYYY-MM-DD)',
  nl: 'Geen geldige datum (JJJJ-MM-DD)',
};

function usableDate(
  out: Collector,
  field: string,
  value: string | null | undefined,
  required: LocalizedText,
) {
  if (value === null || value === undefined || value === '') {
    out.inputErrors.push({ criterionId: null, field, message: required });
    return null;
  }
  if (!isIsoDate(value)) {
    out.inputErrors.push({ criterionId: null, field, message: invalidDate });
    return null;
  }
  return value;
}

function checkDates(out: Collector, def: TrialDefinition, input: EligibilityInput, needsLab: boolean) {
  const inclusion = usableDate(out, 'inclusionDate', input.inclusionDate, {
    en: 'Enter the inclusion date',
    nl: 'Vul de inclusiedatum in',
  });
  const consent = usableDate(out, 'consentDate', input.consentDate, {
    en: 'Enter the date informed consent was signed',
    nl: 'Vul de datum van de getekende informed consent in',
  });
  const lab = needsLab
    ? usableDate(out, 'labDate', input.labDate, {
        en: 'Enter the date the laboratory values were taken',
        nl: 'Vul de datum van de laboratoriumwaarden in',
      })
    : null;
  const rule = (id: string, field: string, message: LocalizedText | null) => {
    out.criteria[id] = message ? 'not_met' : 'met';
    if (message) out.failures.push({ criterionId: id, group: 'dates', field, message });
  };
  if (consent === null || inclusion === null) out.criteria[CONSENT_DATE_RULE] = 'missing';
  else
    rule(
      CONSENT_DATE_RULE,
      'consentDate',
      consent > inclusion
        ? {
            en: 'Informed consent is dated after the inclusion date: consent must come first',
            nl: 'Informed consent is gedateerd na de inclusiedatum: consent moet eerst',
          }
        : null,
    );
  if (!needsLab) return;
  if (lab === null || inclusion === null) {
    out.criteria[LAB_DATE_RULE] = 'missing';
    return;
  }
  const age = diffDays(lab, inclusion);
  const window = def.eligibility.labWindowDays;
  rule(
    LAB_DATE_RULE,
    'labDate',
    age < 0
      ? {
          en: 'The laboratory values are dated after the inclusion date',
          nl: 'De laboratoriumwaarden zijn gedateerd na de inclusiedatum',
        }
      : age > window
        ? {
            en: formatMessage(
              'Laboratory values must be taken at most {window, plural, one {# day} other {# days}} before inclusion (these are {age, plural, one {# day} other {# days}} old)',
              { window, age },
              'en',
            ),
            nl: formatMessage(
              'Laboratoriumwaarden mogen hoogstens {window, plural, one {# dag} other {# dagen}} voor inclusie zijn bepaald (deze zijn {age, plural, one {# dag} other {# dagen}} oud)',
              { window, age },
              'nl',
            ),
          }
        : null,
  );
}

export function evaluateEligibility(def: TrialDefinition, input: EligibilityInput): EligibilityResult {
  const out: Collector = { failures: [], inputErrors: [], criteria: {} };
  const groups = [
    ['inclusion', def.eligibility.inclusion],
    ['exclusion', def.eligibility.exclusion],
  ] as const;
  const known = new Set<string>();
  for (const [group, criteria] of groups)
    for (const c of criteria) {
      known.add(c.id);
      if (c.kind === 'confirm') checkConfirm(out, c, group, input.answers[c.id]);
      else checkMeasure(out, c, group, input.measures[c.id]);
    }
  // Answers for items the protocol does not have would be stored with the inclusion: refuse them.
  for (const [kind, record] of [
    ['answers', input.answers],
    ['measures', input.measures],
  ] as const)
    for (const id of Object.keys(record))
      if (!known.has(id) || (kind === 'answers') !== isConfirm(def, id))
        out.inputErrors.push({
          criterionId: null,
          field: `${kind}.${id}`,
          message: { en: 'Not an item of this protocol', nl: 'Geen onderdeel van dit protocol' },
        });
  checkDates(out, def, input, needsLabDate(def));
  const status =
    out.inputErrors.length > 0 ? 'incomplete' : out.failures.length > 0 ? 'not_eligible' : 'eligible';
  return { status, eligible: status === 'eligible', ...out };
}

function isConfirm(def: TrialDefinition, id: string): boolean {
  return criterionById(def, id)?.kind === 'confirm';
}

/** Every criterion id a screening may name as failed: the protocol's criteria and the two date rules. */
export function eligibilityRuleIds(def: TrialDefinition): string[] {
  return [...allCriteria(def).map((c) => c.id), LAB_DATE_RULE, CONSENT_DATE_RULE];
}
