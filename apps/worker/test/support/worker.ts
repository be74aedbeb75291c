import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@certflow/db';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { createActivities } from '../../src/activities/index.js';
import { workflowBundleOptions } from '../../src/workflow-bundle-options.js';
import type { ProgramActivities } from '@certflow/contracts';

export const workflowsPath = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));

/** Bundling takes seconds; do it once per test file and hand the result to every worker. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietLogger, ...workflowBundleOptions });
}

export function realActivities(prisma: PrismaClient, transport: Transporter): ProgramActivities {
  return createActivities({ prisma, mail: { transport, from: 'Certflow <no-reply@certflow.test>' } });
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
