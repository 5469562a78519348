export * from './saes.js';
export * from './deviations.js';
export * from './out-of-window.js';
