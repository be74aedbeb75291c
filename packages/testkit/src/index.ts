export { certflowSearchAttributes, registerSearchAttributes } from './search-attributes.js';
export { cliExecutable, testServerExecutable } from './executables.js';
export { createTimeSkippingEnv } from './time-skipping.js';
export { createDevServerEnv, connectToProvidedDevServer } from './dev-server.js';
export { TEMPORAL_ADDRESS_KEY } from './provided.js';
export {
  eventually,
  type EventuallyOptions,
  shiftYears,
  StopWaiting,
  utcToday,
  yearShift,
} from './waiting.js';
