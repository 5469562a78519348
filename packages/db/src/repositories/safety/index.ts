export * from './saes.js';
export * from './deviations.js';
