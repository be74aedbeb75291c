// Every workflow the worker registers; the bundler starts here.
export { isoCertificationWorkflow } from './iso-certification/workflow.js';
export { soc2AttestationWorkflow } from './soc2-attestation/workflow.js';
