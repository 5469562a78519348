export * from './definitions.js';
export * from './clocks.js';
export * from './local-time.js';
export * from './deviations.js';
export * from './inputs.js';
export * from './messages.js';
export * from './audit-events.js';
export * from './due-notices.js';
