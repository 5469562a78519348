// The rules of a trial membership, with their refusals in English and Dutch: administrators need none, a
// coordinator is bound to one of the trial's centres and nobody else to any, and only a current membership
// can be ended.
import {
  centreOf,
  isCentreBound,
  isInstanceAdmin,
  type Lang,
  type Role,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { AppError } from '../../errors.js';
import { invalidInput } from '../../errors.js';

const messages = {
  'membership.admin': {
    en: 'An administrator has every trial; memberships are for other accounts.',
    nl: 'Een beheerder heeft toegang tot elke studie; lidmaatschappen zijn voor andere accounts.',
  },
  'membership.centre_required': {
    en: 'A centre coordinator needs one of the centres of this trial.',
    nl: 'Een centrumcoördinator heeft een centrum van deze studie nodig.',
  },
  'membership.centre_not_allowed': {
    en: 'Only a centre coordinator is bound to a centre.',
    nl: 'Alleen een centrumcoördinator is aan een centrum gebonden.',
  },
  'membership.centre_unknown': {
    en: 'This centre does not take part in this trial.',
    nl: 'Dit centrum doet niet mee aan deze studie.',
  },
  'membership.none': {
    en: 'This account is not a member of this trial.',
    nl: 'Dit account is geen lid van deze studie.',
  },
} as const;
type MembershipMessageKey = keyof typeof messages;

function refuse(lang: Lang, field: string, key: MembershipMessageKey): AppError {
  return invalidInput({ [field]: [messages[key][lang]] }, key);
}

/** Refuses a membership for an administrator, who acts in every trial already. */
export function assertMemberAccount(lang: Lang, account: { role: Role }): void {
  if (isInstanceAdmin(account)) throw refuse(lang, 'userId', 'membership.admin');
}

/** The centre a membership carries: a coordinator's must be a centre of the trial; other roles have none. */
export function membershipCentre(
  lang: Lang,
  def: TrialDefinition,
  role: Role,
  centre: string | null,
): string | null {
  if (!isCentreBound(role)) {
    if (centre !== null) throw refuse(lang, 'centre', 'membership.centre_not_allowed');
    return null;
  }
  if (centre === null) throw refuse(lang, 'centre', 'membership.centre_required');
  if (!centreOf(def, centre)) throw refuse(lang, 'centre', 'membership.centre_unknown');
  return centre;
}

export const notAMember = (lang: Lang) => refuse(lang, 'trialId', 'membership.none');
