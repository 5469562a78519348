// The account rules that need the database: the centre must exist, a username is taken once, an account
// is never edited into a state that leaves the instance without an active administrator.
import {
  centreExists,
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  type Db,
  type UserAccount,
} from '@trialdesk/db';
import { centreRuleProblem, type Role } from '@trialdesk/domain';
import { AppError, invalidInput } from '../../errors.js';

export async function loadUser(db: Db, userId: number): Promise<UserAccount> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'user.not_found', 'There is no such user.');
  return user;
}

export async function assertRoleAndCentre(db: Db, role: Role, centre: string | null): Promise<void> {
  const problem = centreRuleProblem(role, centre);
  if (problem) throw invalidInput({ centre: [problem] }, 'user.centre_rule');
  if (centre !== null && !(await centreExists(db, centre)))
    throw invalidInput({ centre: [`There is no centre "${centre}"`] }, 'user.centre_unknown');
}

export async function assertUsernameFree(db: Db, username: string): Promise<void> {
  if (await findUserByUsername(db, username))
    throw invalidInput({ username: ['This username is taken'] }, 'user.username_taken');
}

/** Refuses a change that would leave no active administrator: call it inside the write's transaction. */
export async function assertAnotherActiveAdmin(db: Db, user: UserAccount): Promise<void> {
  if (user.role !== 'admin' || !user.active) return;
  if ((await countActiveAdmins(db, user.id)) === 0)
    throw new AppError(
      'CONFLICT',
      'user.last_admin',
      `${user.username} is the last active administrator; make another user administrator first.`,
      { params: { username: user.username } },
    );
}

export const cannotDeactivateSelf = () =>
  new AppError(
    'BAD_REQUEST',
    'user.deactivate_self',
    'You cannot deactivate your own account; ask another administrator.',
  );

export const resetOwnPassword = () =>
  new AppError(
    'BAD_REQUEST',
    'user.reset_own_password',
    'Use "Change password" for your own account: it asks for your current password.',
  );
