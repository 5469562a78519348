export * from './prng.js';
export * from './generate-cohort.js';
export * from './insert-cohort.js';
export * from './seed-demo.js';
