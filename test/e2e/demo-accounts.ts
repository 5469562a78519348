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
} as const;
