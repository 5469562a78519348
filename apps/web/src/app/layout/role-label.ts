import type { Role } from '@trialdesk/domain';
import type { CommonKey } from '../../i18n/common-messages';

export const roleLabelKey: Record<Role, CommonKey> = {
  admin: 'roleAdmin',
  pi: 'rolePi',
  coordinator: 'roleCoordinator',
  steering: 'roleSteering',
  monitor: 'roleMonitor',
};
