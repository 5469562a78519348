// The account fields at the API boundary, built from the domain's account rules (which the web forms and
// the CLI use too), so that every entry point accepts exactly the same usernames and passwords.
import {
  lineText,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  roles,
  USERNAME_PATTERN,
} from '@trialdesk/domain';
import { z } from 'zod';

export const roleSchema = z.enum(roles);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'Use 3–50 letters, digits, dots, dashes or underscores');

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

/** A person's name: one line under the shared text policy (packages/domain/src/text.ts). */
export const displayNameSchema = lineText(MAX_DISPLAY_NAME_LENGTH);
