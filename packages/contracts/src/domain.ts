/**
 * `@certflow/contracts/domain`: everything the API, the web app and the workflows agree on that needs no Temporal
 * SDK: program kinds and stages, audit kinds, the message input schemas, the date rules and the audit time and
 * cost functions. Nothing reachable from here imports `@temporalio/*` (domain.test.ts checks it), so a browser
 * bundle can use it. The message definitions (`defineUpdate`, ...) and search attributes are in the main entry.
 */
export * from './activities.js';
export * from './audit-cost.js';
export * from './audit-plan.js';
export * from './audit-time.js';
export * from './calendar-date.js';
export * from './cost-budget.js';
export * from './cost-burn.js';
export * from './cost-calculator.js';
export * from './iso-cycle-dates.js';
export * from './iso-inputs.js';
export * from './iso-model.js';
export * from './iso-state.js';
export * from './leadership-dashboard.js';
export * from './month-windows.js';
export * from './program.js';
export * from './program-actions.js';
export * from './program-creation.js';
export * from './program-inputs.js';
export * from './read-model.js';
export * from './remediation.js';
export * from './schedule/index.js';
export * from './soc2-inputs.js';
export * from './soc2-model.js';
export * from './soc2-period-dates.js';
export * from './soc2-state.js';
export * from './task-queues.js';
export * from './typical-costs.js';
