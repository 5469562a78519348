export * from './locks.js';
export * from './signatures.js';
export * from './casebook-hash.js';
