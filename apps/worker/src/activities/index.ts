import type { ProgramActivities } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';
import type { Transporter } from 'nodemailer';
import { createAuditActivities } from './audit.js';
import { createNotificationActivities } from './notifications.js';
import { createProgramProjectionActivities } from './programs.js';

export interface ActivityDeps {
  prisma: PrismaClient;
  mail: { transport: Pick<Transporter, 'sendMail'>; from: string };
}

/** The one object handed to `Worker.create({ activities })`. */
export function createActivities({ prisma, mail }: ActivityDeps): ProgramActivities {
  return {
    ...createAuditActivities({ prisma }),
    ...createNotificationActivities({ prisma, transport: mail.transport, from: mail.from }),
    ...createProgramProjectionActivities({ prisma }),
  };
}
