// The menu follows the role in the trial on screen, and the trial's outcome visibility for that role.
import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

const paths = (items: ReturnType<typeof navFor>) => items.map((i) => `${i.scope}:${i.path}`);

describe('navFor', () => {
  it('shows a trial entry by the role in the trial, whatever the roles held elsewhere', () => {
    const asSteering = paths(navFor({ trialRole: 'steering', outcomesOpen: true, held: ['steering', 'pi'] }));
    expect(asSteering).toContain('trial:outcomes');
    expect(asSteering).not.toContain('trial:participants');
    expect(asSteering).not.toContain('trial:worklist');
    // A page outside a trial opens by any role held: the audit trail through the PI membership.
    expect(asSteering).toContain('global:admin/audit');
    const asPi = paths(navFor({ trialRole: 'pi', outcomesOpen: true, held: ['steering', 'pi'] }));
    expect(asPi).toContain('trial:participants');
  });

  it('leaves the Outcomes entry out while the outcomes are closed to the role, and only that entry', () => {
    for (const trialRole of ['coordinator', 'monitor', 'pi', 'admin'] as const) {
      const open = paths(navFor({ trialRole, outcomesOpen: true, held: [trialRole] }));
      const closed = paths(navFor({ trialRole, outcomesOpen: false, held: [trialRole] }));
      expect(open).toContain('trial:outcomes');
      expect(closed).toEqual(open.filter((p) => p !== 'trial:outcomes'));
    }
  });

  it('shows only the account page while the password must change', () => {
    expect(paths(navFor({ trialRole: 'admin', outcomesOpen: true, held: ['admin'] }, true))).toEqual([
      'global:account',
    ]);
  });
});
