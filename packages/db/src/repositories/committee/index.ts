export * from './load-dataset.js';
export * from './data-cuts.js';
export * from './meetings.js';
export * from './audit-trail.js';
