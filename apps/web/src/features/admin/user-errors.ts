// The users router's refusals in the reader's language: its own keys here, anything else through the
// app's general error wording.
import type { Lang } from '../../i18n/catalogue';
import { translator } from '../../i18n/catalogue';
import { apiErrorData, describeError } from '../../lib/errors';
import { messages } from './messages';

const keyed = {
  'user.last_admin': 'error_lastAdmin',
  'user.deactivate_self': 'error_deactivateSelf',
  'user.reset_own_password': 'error_resetOwnPassword',
  'user.already_inactive': 'error_alreadyInactive',
  'user.already_active': 'error_alreadyActive',
  'user.not_found': 'error_notFound',
} as const;

export function describeUserError(error: unknown, lang: Lang): string {
  const data = apiErrorData(error);
  const key = data?.key;
  if (key && Object.hasOwn(keyed, key)) {
    const t = translator(messages, lang);
    return t(keyed[key as keyof typeof keyed], data.params ?? undefined);
  }
  return describeError(error, lang);
}
