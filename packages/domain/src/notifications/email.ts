// An email address as accounts store it. Deliberately plain: one line, no display name, a local part and a
// domain with a dot, no spaces or angle brackets (which could smuggle a second recipient or header into a
// mail). The domain is stored lower-case; the local part is kept as typed (RFC 5321 lets it be case
// sensitive). Length: 254, the most an SMTP path can carry.
import { z } from 'zod';
import { lineText } from '../text.js';

export const MAX_EMAIL_LENGTH = 254;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The address, normalised (domain lower-case), or null when it is not one we accept. */
export function normaliseEmail(raw: string): string | null {
  const value = raw.trim();
  if (value.length > MAX_EMAIL_LENGTH || !EMAIL.test(value) || value.includes('..')) return null;
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}

/** An address at the API boundary; messages are keys of the entry catalogue (English and Dutch). */
export const emailSchema = lineText(MAX_EMAIL_LENGTH).transform((value, ctx) => {
  const email = normaliseEmail(value);
  if (email === null) {
    ctx.addIssue({ code: 'custom', message: 'notify.email.invalid' });
    return z.NEVER;
  }
  return email;
});
