// The users router's boundary: what an administrator may send, and exactly which account fields leave the
// server (never the password hash).
import { memberRoles } from '@trialdesk/domain';
import { z } from 'zod';
import { trialIdSchema } from '../../access/load-trial.js';
import {
  displayNameSchema,
  newPasswordSchema,
  roleSchema,
  usernameSchema,
} from '../../auth/account-schemas.js';

const centreCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, 'Choose a centre from the list');

export const userIdInput = z.strictObject({ userId: z.number().int().positive() });

export const createUserInput = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  centre: centreCode.nullish(),
  password: newPasswordSchema,
});

/** Only the fields sent change; `centre: null` unbinds, and a change away from coordinator unbinds too. */
export const updateUserInput = userIdInput.extend({
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  centre: centreCode.nullish(),
});

export const resetPasswordInput = userIdInput.extend({ newPassword: newPasswordSchema });

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  centre: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  email: z.string().nullable(),
});

export const centreSchema = z.object({ code: z.string(), name: z.string(), city: z.string() });

/** What an account change answers: the account, and how many of its sessions the change ended. */
export const accountChange = z.object({ id: z.number(), sessionsEnded: z.number() });
export const accountChanged = accountChange.extend({ changed: z.boolean() });

// -- Trial memberships --------------------------------------------------------------------------------

/** Which membership: an account in a trial. */
export const membershipKey = userIdInput.extend({ trialId: trialIdSchema });

/** An account's role in a trial (a coordinator's centre must be one of the trial's). */
export const setMembershipInput = membershipKey.extend({
  role: z.enum(memberRoles),
  centre: centreCode.nullish(),
});

export const membershipSchema = z.object({
  id: z.number(),
  userId: z.number(),
  trialId: z.string(),
  trialCode: z.string(),
  role: z.enum(memberRoles),
  centre: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
});

export const membershipSet = z.object({ userId: z.number(), trialId: z.string(), changed: z.boolean() });
export const membershipRemoved = z.object({ userId: z.number(), trialId: z.string() });
