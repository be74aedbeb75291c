import { temporalConnectionOptions, temporalSettingsOf } from '@certflow/contracts/temporal-connection';
import { createPrismaClient } from '@certflow/db';
import { NativeConnection } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { createActivities } from './activities/index.js';
import { loadWorkerEnv } from './config.js';
import { createProgramWorker } from './worker.js';

// Composition root: configuration, connections, activities and the worker. The Temporal Runtime handles
// SIGINT/SIGTERM itself (graceful worker shutdown), after which run() resolves and we close the rest.

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const database = await createPrismaClient({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
  });
  // The embedded database belongs to this process, so it is brought up to date here; a shared PostgreSQL is
  // migrated by the deploy step (`pnpm --filter @certflow/db migrate`).
  if (database.engine === 'pglite') await database.migrate();

  const transport = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE === 'true',
    // Below the email activity's 20 s start-to-close timeout, so a hung server fails the attempt, not the timer.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
    ...(env.SMTP_USER && { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } }),
  });

  const connection = await NativeConnection.connect(await temporalConnectionOptions(temporalSettingsOf(env)));
  try {
    const worker = await createProgramWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      activities: createActivities({ prisma: database.prisma, mail: { transport, from: env.MAIL_FROM } }),
    });
    console.log(
      `certflow worker polling ${env.TEMPORAL_ADDRESS} (namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE})`,
    );
    await worker.run();
  } finally {
    transport.close();
    await connection.close();
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
