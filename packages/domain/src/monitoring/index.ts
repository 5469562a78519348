export * from './queries.js';
export * from './plan.js';
export * from './auto-queries.js';
export * from './sdv.js';
export * from './messages.js';
export * from './audit-events.js';
export * from './sdv-inputs.js';
export * from './wording.js';
