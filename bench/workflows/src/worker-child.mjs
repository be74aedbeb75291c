// The program worker as its own process, so the bench can read its RSS alone. Built from the same factories as
// apps/worker/src/main.ts (prebuilt workflow bundle, real activities, PostgreSQL, SMTP); the only addition is an
// IPC channel answering `status` with the RSS and the number of workflows in the sticky cache.
import { createPrismaClient } from '@certflow/db';
import { createActivities } from '@certflow/worker/dist/activities/index.js';
import { createProgramWorker } from '@certflow/worker/dist/worker.js';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import nodemailer from 'nodemailer';

const { DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE, SMTP_PORT } = process.env;
if (!DATABASE_URL || !TEMPORAL_ADDRESS || !TEMPORAL_TASK_QUEUE || !SMTP_PORT || !process.send) {
  throw new Error(
    'worker-child is started by open-programs.mjs (IPC plus DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE, SMTP_PORT)',
  );
}
Runtime.install({ logger: new DefaultLogger('WARN') });

const database = await createPrismaClient({ databaseUrl: DATABASE_URL });
const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(SMTP_PORT),
  secure: false,
  ignoreTLS: true,
});
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
const worker = await createProgramWorker({
  connection,
  namespace: 'default',
  taskQueue: TEMPORAL_TASK_QUEUE,
  ...(process.env.WORKER_MAX_CACHED_WORKFLOWS && {
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS),
  }),
  activities: createActivities({
    prisma: database.prisma,
    mail: { transport, from: 'Certflow <bench@certflow.test>' },
  }),
});

process.on('message', (message) => {
  if (message === 'status') {
    const status = worker.getStatus();
    process.send({
      rss: process.memoryUsage().rss,
      cached: status.numCachedWorkflows,
      activitiesInFlight: status.numInFlightActivities,
    });
  } else if (message === 'stop') {
    worker.shutdown();
  }
});
// The parent going away must not leave a polling worker behind.
process.on('disconnect', () => {
  if (worker.getState() === 'RUNNING') worker.shutdown();
});

const running = worker.run();
process.send({ ready: true });
try {
  await running;
} finally {
  transport.close();
  await connection.close();
  await database.close();
}
