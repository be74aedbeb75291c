import { TestWorkflowEnvironment, type LocalTestWorkflowEnvironmentOptions } from '@temporalio/testing';
import { cliExecutable } from './executables.js';
import { certflowSearchAttributes } from './search-attributes.js';

/** A Temporal dev server (CLI from TEMPORAL_CLI_PATH, in-memory) with our search attributes registered. */
export async function createDevServerEnv(
  options: LocalTestWorkflowEnvironmentOptions = {},
): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    ...options,
    server: {
      executable: cliExecutable(),
      searchAttributes: [...certflowSearchAttributes],
      ...options.server,
    },
  });
}

/**
 * Connects to the dev server started by the vitest global setup (address from `inject(TEMPORAL_ADDRESS_KEY)`).
 * Its `teardown()` only closes the connections; the server lives until the test run ends.
 */
export async function connectToProvidedDevServer(
  address: string,
  namespace = 'default',
): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address, namespace });
}
