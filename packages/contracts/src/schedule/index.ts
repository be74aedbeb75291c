export * from './combined-schedule.js';
export * from './conflicts.js';
export * from './integrated-audits.js';
export * from './schedule-items.js';
export * from './what-if.js';
