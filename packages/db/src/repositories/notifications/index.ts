export * from './settings.js';
export * from './notifications.js';
export * from './outbox.js';
export * from './jobs.js';
export * from './recipients.js';
