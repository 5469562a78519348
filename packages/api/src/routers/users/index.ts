// Accounts, for administrators ('user:manage'), one file per procedure; the rules and the audit of every
// change are in use-cases/users/. Accounts are never deleted, only deactivated.
import { router } from '../../trpc.js';
import { centresProcedure } from './centres.js';
import { createUserProcedure } from './create.js';
import { deactivateUserProcedure } from './deactivate.js';
import { listUsersProcedure } from './list.js';
import { reactivateUserProcedure } from './reactivate.js';
import { resetPasswordProcedure } from './reset-password.js';
import { updateUserProcedure } from './update.js';

export const usersRouter = router({
  list: listUsersProcedure,
  centres: centresProcedure,
  create: createUserProcedure,
  update: updateUserProcedure,
  resetPassword: resetPasswordProcedure,
  deactivate: deactivateUserProcedure,
  reactivate: reactivateUserProcedure,
});
