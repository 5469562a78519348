export * from './mapping.js';
export * from './csv-mapping.js';
export * from './messages.js';
export * from './inputs.js';
