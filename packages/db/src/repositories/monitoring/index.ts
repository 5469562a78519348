export * from './queries.js';
export * from './sdv.js';
export * from './record-owner.js';
