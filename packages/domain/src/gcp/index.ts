export * from './locks.js';
export * from './signatures.js';
export * from './messages.js';
export * from './audit-events.js';
