// The protocol's criteria as the entry forms list them: inclusion, then exclusion, then the two date
// rules, each with its text in the user's language.
import { CONSENT_DATE_RULE, LAB_DATE_RULE, type TrialDefinition } from '@trialdesk/domain';
import type { Lang } from '../../i18n/catalogue';
import { translator } from '../../i18n/catalogue';
import { messages } from './messages';

export interface CriterionOption {
  value: string;
  label: string;
}

export function criterionOptions(def: TrialDefinition, lang: Lang): CriterionOption[] {
  const t = translator(messages, lang);
  return [
    ...def.eligibility.inclusion.map((c) => ({ value: c.id, label: c.text[lang] })),
    ...def.eligibility.exclusion.map((c) => ({ value: c.id, label: c.text[lang] })),
    { value: LAB_DATE_RULE, label: t('rule_labDate', { days: def.eligibility.labWindowDays }) },
    { value: CONSENT_DATE_RULE, label: t('rule_consentDate') },
  ];
}
