export * from './locks.js';
export * from './signatures.js';
