// The Temporal-bound entry: the pure domain plus message definitions and search attributes. Browser code and
// anything that must not load the Temporal SDK imports `@certflow/contracts/domain` instead.
export * from './domain.js';
export * from './iso-messages.js';
export * from './program-messages.js';
export * from './search-attributes.js';
export * from './soc2-messages.js';
