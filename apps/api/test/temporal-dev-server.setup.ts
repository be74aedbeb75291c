import { programSearchAttributes } from '@certflow/contracts';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
  }
}

/** Starts one real Temporal dev server (the CLI binary) with Certflow's search attributes registered. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const path = process.env.TEMPORAL_CLI_PATH;
  if (!path) {
    throw new Error(
      'TEMPORAL_CLI_PATH is not set: point it at the Temporal CLI binary (scripts/test.sh sets it).',
    );
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path }, searchAttributes: [...programSearchAttributes] },
  });
  project.provide('temporalAddress', env.address);
  return () => env.teardown();
}
