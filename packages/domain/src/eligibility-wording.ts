// Failed criteria read as what was wrong, not as the requirement: a screening that failed "Platelets ≥ 100
// ×10⁹/L" is printed "Platelets < 100 ×10⁹/L", a failed consent "No written informed consent", a present
// exclusion criterion as itself ("Pregnant or lactating"). The trial definition may word a failure itself
// (`failure`); otherwise it is derived here from the definition, in both languages. Every place that prints
// a reason for not including (screening, CONSORT, the report and its PDF, the inclusion check) uses this.
// The two date rules' ids, as eligibility.ts reports them (imported from there would be a cycle).
const LAB_DATE_RULE = 'labDate';
const CONSENT_DATE_RULE = 'consentDate';
import { formatNumber, type EntryLang } from './entry/format.js';
import type { Criterion, LocalizedText, MeasureCriterion, TrialDefinition } from './trial-definition.js';

const both = (f: (lang: EntryLang) => string): LocalizedText => ({ en: f('en'), nl: f('nl') });

/** The failure of a measure: the opposite of its bound(s), e.g. "Age ≤ 18 years", "ECOG performance status ≥ 2". */
function measureFailure(c: MeasureCriterion, label: LocalizedText): LocalizedText {
  const unit = c.unit ? ` ${c.unit}` : '';
  const uln = c.relativeToUln ? ' × ULN' : '';
  const suffix = c.relativeToUln ? uln : unit;
  // A bound at the edge of the physical range cannot be failed on that side (ECOG ≥ 0).
  const min = c.min && c.min.value > c.plausible.min ? c.min : undefined;
  const max = c.max && c.max.value < c.plausible.max ? c.max : undefined;
  const n = (v: number, lang: EntryLang) => formatNumber(v, lang);
  if (min && max)
    return both(
      (lang) =>
        `${label[lang]} ${lang === 'en' ? 'outside' : 'buiten'} ${n(min.value, lang)}–${n(max.value, lang)}${suffix}`,
    );
  // Whole numbers read better as the nearest failing value: "> 1" becomes "≥ 2".
  const whole = c.integer && !c.relativeToUln;
  if (min) {
    if (whole && min.inclusive) return both((lang) => `${label[lang]} ≤ ${n(min.value - 1, lang)}${suffix}`);
    return both((lang) => `${label[lang]} ${min.inclusive ? '<' : '≤'} ${n(min.value, lang)}${suffix}`);
  }
  if (max) {
    if (whole && max.inclusive) return both((lang) => `${label[lang]} ≥ ${n(max.value + 1, lang)}${suffix}`);
    return both((lang) => `${label[lang]} ${max.inclusive ? '>' : '≥'} ${n(max.value, lang)}${suffix}`);
  }
  return both((lang) => `${lang === 'en' ? 'Not met' : 'Niet voldaan'}: ${c.text[lang]}`);
}

/** What was wrong when criterion `c` of group `group` fails. */
export function criterionFailure(c: Criterion, group: 'inclusion' | 'exclusion'): LocalizedText {
  if (c.failure) return c.failure;
  if (group === 'exclusion') return c.text;
  if (c.kind === 'measure' && c.label) return measureFailure(c, c.label);
  return both((lang) => `${lang === 'en' ? 'Not met' : 'Niet voldaan'}: ${c.text[lang]}`);
}

/** The failure wording of every criterion id a screening may name, and of the two date rules. */
export function failureWordings(def: TrialDefinition): Record<string, LocalizedText> {
  const out: Record<string, LocalizedText> = {};
  for (const c of def.eligibility.inclusion) out[c.id] = criterionFailure(c, 'inclusion');
  for (const c of def.eligibility.exclusion) out[c.id] = criterionFailure(c, 'exclusion');
  const days = def.eligibility.labWindowDays;
  out[LAB_DATE_RULE] = {
    en: `Laboratory values older than ${days} days or taken after inclusion`,
    nl: `Laboratoriumwaarden ouder dan ${days} dagen of na inclusie bepaald`,
  };
  out[CONSENT_DATE_RULE] = {
    en: 'Informed consent dated after inclusion',
    nl: 'Informed consent gedateerd na inclusie',
  };
  return out;
}

/** The failure wording of one id, or the id itself for one the definition does not know (an old record). */
export function failureWording(def: TrialDefinition, id: string): LocalizedText {
  return failureWordings(def)[id] ?? { en: id, nl: id };
}
