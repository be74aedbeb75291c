import { DefaultLogger, Runtime } from '@temporalio/worker';

// Vitest setup file: keep the SDK's INFO chatter (worker state changes) out of test output. The Runtime is a
// per-process singleton, so a forked process that already has one keeps it.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this process
}
