export * from './mapping.js';
export * from './messages.js';
