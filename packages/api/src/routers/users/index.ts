// Accounts and their trial memberships, for administrators ('user:manage'), one file per procedure; the
// rules and the audit of every change are in use-cases/users/. Accounts are never deleted, only deactivated;
// memberships are ended, never deleted.
import { router } from '../../trpc.js';
import { centresProcedure } from './centres.js';
import { createUserProcedure } from './create.js';
import { deactivateUserProcedure } from './deactivate.js';
import { listUsersProcedure } from './list.js';
import { membershipsProcedure } from './memberships.js';
import { reactivateUserProcedure } from './reactivate.js';
import { removeMembershipProcedure } from './remove-membership.js';
import { resetPasswordProcedure } from './reset-password.js';
import { setEmailProcedure } from './set-email.js';
import { setMembershipProcedure } from './set-membership.js';
import { updateUserProcedure } from './update.js';

export const usersRouter = router({
  list: listUsersProcedure,
  centres: centresProcedure,
  create: createUserProcedure,
  update: updateUserProcedure,
  setEmail: setEmailProcedure,
  resetPassword: resetPasswordProcedure,
  deactivate: deactivateUserProcedure,
  reactivate: reactivateUserProcedure,
  memberships: membershipsProcedure,
  setMembership: setMembershipProcedure,
  removeMembership: removeMembershipProcedure,
});
