import type { EmailNotification, NotificationActivities } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';
import type { Transporter } from 'nodemailer';

export interface MailerDeps {
  prisma: PrismaClient;
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
}

/**
 * Email goes through the `notifications` outbox row keyed by the producer's dedupe key: a retry after a successful
 * send finds the row SENT and stops. (A crash between the SMTP accept and the row update can still send twice;
 * SMTP gives us no way to close that window, so the Message-ID is derived from the key for receivers to dedupe.)
 */
export function createNotificationActivities({
  prisma,
  transport,
  from,
}: MailerDeps): NotificationActivities {
  return {
    async sendEmail(notification: EmailNotification) {
      const row = await prisma.notification.upsert({
        where: { dedupeKey: notification.dedupeKey },
        create: {
          programId: notification.programId,
          dedupeKey: notification.dedupeKey,
          recipient: notification.to,
          subject: notification.subject,
          body: notification.text,
        },
        update: {},
      });
      if (row.status === 'SENT') return { status: 'already-sent' as const };
      try {
        await transport.sendMail({
          from,
          to: notification.to,
          subject: notification.subject,
          text: notification.text,
          messageId: `<${Buffer.from(notification.dedupeKey).toString('base64url')}@certflow>`,
        });
      } catch (err) {
        await prisma.notification.update({
          where: { id: row.id },
          data: {
            attempts: { increment: 1 },
            lastError: err instanceof Error ? err.message : String(err),
            status: 'FAILED',
          },
        });
        throw err;
      }
      await prisma.notification.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, status: 'SENT', sentAt: new Date(), lastError: null },
      });
      return { status: 'sent' as const };
    },
  };
}
