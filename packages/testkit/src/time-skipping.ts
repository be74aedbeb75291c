import {
  TestWorkflowEnvironment,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';
import { testServerExecutable } from './executables.js';
import { registerSearchAttributes } from './search-attributes.js';

/**
 * A time-skipping test environment (Java test server from TEMPORAL_TEST_SERVER_PATH) with our search attributes
 * registered. Time is global to the environment: create one per test file and keep such files serial.
 */
export async function createTimeSkippingEnv(
  options: TimeSkippingTestWorkflowEnvironmentOptions = {},
): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    ...options,
    server: { executable: testServerExecutable(), ...options.server },
  });
  try {
    await registerSearchAttributes(env.connection);
  } catch (error) {
    await env.teardown();
    throw error;
  }
  return env;
}
