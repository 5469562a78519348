export * from './write-transaction.js';
export * from './screenings.js';
export * from './follow-up-state.js';
export * from './worklist.js';
