// The account fields at the API boundary, built from the domain's account rules (which the web forms and
// the CLI use too), so that every entry point accepts exactly the same usernames and passwords.
import {
  CONTROL_CHARACTERS,
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

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(MAX_DISPLAY_NAME_LENGTH, `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters`)
  .refine((v) => !CONTROL_CHARACTERS.test(v), 'Remove the control characters from the name');
