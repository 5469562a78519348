// The change-password form's checks, with the server's rules (packages/domain's password limits, and a new
// password that differs from the current one), so most mistakes show before anything is sent. What only
// the server knows (a wrong current password) comes back per field and lands on the same fields.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@trialdesk/domain';
import type { ApiErrorData } from '../../lib/errors';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export type PasswordField = keyof PasswordChange;

type PasswordProblem =
  'currentRequired' | 'passwordTooShort' | 'passwordTooLong' | 'passwordMismatch' | 'samePassword';

export type PasswordProblems = Partial<Record<PasswordField, PasswordProblem>>;

export function checkPasswordChange(v: PasswordChange): PasswordProblems {
  const out: PasswordProblems = {};
  if (!v.currentPassword) out.currentPassword = 'currentRequired';
  if (v.newPassword.length < MIN_PASSWORD_LENGTH) out.newPassword = 'passwordTooShort';
  else if (v.newPassword.length > MAX_PASSWORD_LENGTH) out.newPassword = 'passwordTooLong';
  else if (v.newPassword === v.currentPassword) out.newPassword = 'samePassword';
  else if (v.repeatPassword !== v.newPassword) out.repeatPassword = 'passwordMismatch';
  return out;
}

/** The server's refusals that belong to a field, by their stable keys. */
const fieldOfKey: Record<string, [PasswordField, PasswordProblem | null]> = {
  'auth.wrong_current_password': ['currentPassword', null],
  'auth.same_password': ['newPassword', 'samePassword'],
};

/** Which field a server refusal belongs to (null: show it above the form). */
export function serverPasswordField(data: ApiErrorData | null): PasswordField | null {
  if (!data) return null;
  const known = data.key ? fieldOfKey[data.key] : undefined;
  if (known) return known[0];
  if (data.fields?.newPassword) return 'newPassword';
  if (data.fields?.currentPassword) return 'currentPassword';
  return null;
}

export const passwordLimits = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };
