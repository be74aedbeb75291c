import { PROGRAM_TASK_QUEUE } from '@certflow/contracts';
import { checkTemporalTls, temporalEnvShape } from '@certflow/contracts/temporal-connection';
import { databaseEnvSchema } from '@certflow/db';
import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * Worker settings from the environment, validated at start-up. Every default runs the local embedded stack:
 * the dev server on 127.0.0.1:7233, PGlite in .data/pglite and an SMTP catcher on 127.0.0.1:1025.
 */
export const workerEnvSchema = databaseEnvSchema
  .extend({
    /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS and API key: the same variables and rules as the API. */
    ...temporalEnvShape,
    /** Only for isolating workers that share a server (tests, side-by-side deployments). */
    TEMPORAL_TASK_QUEUE: optional(z.string().min(1)).default(PROGRAM_TASK_QUEUE),
    /** Programs kept in the worker's sticky cache; others are replayed when they next wake. */
    WORKER_MAX_CACHED_WORKFLOWS: optional(z.coerce.number().int().min(1)),
    SMTP_HOST: optional(z.string()).default('127.0.0.1'),
    SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535)).default(1025),
    SMTP_SECURE: optional(z.enum(['true', 'false'])).default('false'),
    SMTP_USER: optional(z.string()),
    SMTP_PASSWORD: optional(z.string()),
    MAIL_FROM: optional(z.string()).default('Certflow <no-reply@certflow.local>'),
  })
  .superRefine((env, ctx) => {
    checkTemporalTls(env, ctx);
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_PASSWORD'],
        message: 'SMTP user and password go together',
      });
    }
  });

export type WorkerEnv = z.output<typeof workerEnvSchema>;

export function loadWorkerEnv(env: Record<string, string | undefined> = process.env): WorkerEnv {
  const result = workerEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid worker configuration:\n${problems}`);
  }
  return result.data;
}
