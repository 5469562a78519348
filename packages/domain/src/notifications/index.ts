export * from './kinds.js';
export * from './email.js';
export * from './messages.js';
export * from './mail-text.js';
export * from './audit-events.js';
export * from './digest-week.js';
