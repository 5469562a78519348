export * from './locks.js';
