export * from './records.js';
export * from './participants.js';
export * from './clinical-records.js';
export * from './cycle-timings.js';
