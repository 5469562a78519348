// The protocol's criteria as the entry forms list them: inclusion, then exclusion, then the two date
// rules, each with its text in the user's language.
import { CONSENT_DATE_RULE, LAB_DATE_RULE, type TrialDefinition } from '@trialdesk/domain';
import type { Lang } from '../../i18n/catalogue';
import { translator } from '../../i18n/catalogue';
import { messages } from './messages';

interface CriterionOption {
  value: string;
  label: string;
}

interface CriterionGroup {
  group: string;
  items: CriterionOption[];
}

/** The criteria in the picker's groups: inclusion, exclusion, and the date rules (empty groups left out). */
export function criterionGroups(def: TrialDefinition, lang: Lang): CriterionGroup[] {
  const t = translator(messages, lang);
  const groups: CriterionGroup[] = [
    {
      group: t('inclusionCriteria'),
      items: def.eligibility.inclusion.map((c) => ({ value: c.id, label: c.text[lang] })),
    },
    {
      group: t('exclusionCriteria'),
      items: def.eligibility.exclusion.map((c) => ({ value: c.id, label: c.text[lang] })),
    },
    {
      group: t('dateRules'),
      items: [
        { value: LAB_DATE_RULE, label: t('rule_labDate', { days: def.eligibility.labWindowDays }) },
        { value: CONSENT_DATE_RULE, label: t('rule_consentDate') },
      ],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}
