import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROGRAM_TASK_QUEUE, type ProgramActivities } from '@certflow/contracts';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { workflowBundleOptions } from './workflow-bundle-options.js';

/**
 * Production uses the bundle prebuilt by `pnpm build` (dist/workflow-bundle.js); running from source (tests, tsx)
 * bundles `workflows/index.ts` on start.
 */
export function workflowCodeOptions(): Pick<
  WorkerOptions,
  'workflowBundle' | 'workflowsPath' | 'bundlerOptions'
> {
  const bundle = fileURLToPath(new URL('./workflow-bundle.js', import.meta.url));
  if (existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  const compiled = fileURLToPath(new URL('./workflows/index.js', import.meta.url));
  const workflowsPath = existsSync(compiled)
    ? compiled
    : fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
  return { workflowsPath, bundlerOptions: workflowBundleOptions };
}

export async function createProgramWorker(options: {
  connection: NativeConnection;
  namespace: string;
  activities: ProgramActivities;
  taskQueue?: string;
  /**
   * Caps the sticky cache; evicted programs cost one replay of their (short, per-cycle) history when they next
   * wake. Unset keeps the SDK's default, which sizes the cache from the heap.
   */
  maxCachedWorkflows?: number;
  workflowCode?: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? PROGRAM_TASK_QUEUE,
    activities: options.activities,
    ...(options.maxCachedWorkflows !== undefined && { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...(options.workflowCode ?? workflowCodeOptions()),
  });
}
