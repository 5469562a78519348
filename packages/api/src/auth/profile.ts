// What the web knows about the logged-in account: who it is, its account role, and its role (and centre) in
// each trial it is a member of, so that every page shows the role that applies to the trial it is about.
// The same answer after a login and from auth.me. The server still checks every call itself.
import { isInstanceAdmin, memberRoles, roles } from '@trialdesk/domain';
import { listCurrentMemberships, type Db } from '@trialdesk/db';
import { z } from 'zod';

export const profileOutput = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  /** The account's role: `admin` acts as administrator in every trial; any other is the account's default. */
  role: z.enum(roles),
  centre: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** Current memberships; empty for an administrator, who needs none. */
  memberships: z.array(
    z.object({ trialId: z.string(), role: z.enum(memberRoles), centre: z.string().nullable() }),
  ),
});
export type Profile = z.infer<typeof profileOutput>;

export async function loadProfile(db: Db, account: Omit<Profile, 'memberships'>): Promise<Profile> {
  const { id, username, displayName, role, centre, mustChangePassword } = account;
  const current = isInstanceAdmin({ role }) ? [] : await listCurrentMemberships(db, id);
  const memberships = current.map((m) => ({ trialId: m.trialId, role: m.role, centre: m.centre }));
  return { id, username, displayName, role, centre, mustChangePassword, memberships };
}
