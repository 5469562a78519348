// The demo accounts the server seeds in demo mode (see README). Synthetic, for tests only.
export const DEMO_PASSWORD = 'trialdesk-demo';

export const demoUsers = {
  admin: 'admin',
  pi: 'pi',
  coordinatorEmc: 'coord-emc',
  coordinatorIjsselland: 'coord-ijsselland',
  coordinatorAvl: 'coord-avl',
  steering: 'steering',
  monitor: 'monitor',
  /** PI of ARTERY-2 and on the steering committee of PUMP-III (trial memberships). */
  piSteering: 'pi-steering',
} as const;
