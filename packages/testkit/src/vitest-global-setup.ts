import type { TestProject } from 'vitest/node';
import { createDevServerEnv } from './dev-server.js';
import { TEMPORAL_ADDRESS_KEY } from './provided.js';

/**
 * Vitest `globalSetup`: starts ONE dev server for the whole run (parallel `createLocal` calls race on start-up)
 * and provides its address. Use as `globalSetup: ['@certflow/testkit/vitest-global-setup']`, then in tests
 * `connectToProvidedDevServer(inject(TEMPORAL_ADDRESS_KEY))`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = await createDevServerEnv();
  project.provide(TEMPORAL_ADDRESS_KEY, env.address);
  return () => env.teardown();
}
