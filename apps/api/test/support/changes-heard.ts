import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import { eventually } from '@certflow/testkit';

import { CHANGES_CHANNEL, ChangeFeed } from '../../src/read-cache/change-feed.js';

/**
 * Waits until the API has heard of every row committed so far. Rows a test writes straight into the database
 * reach the API's read cache as PostgreSQL notifications (ADR 0020), a moment later; a read sent at once may be
 * answered from before them. Notifications arrive in commit order, so once a probe sent now is heard, every
 * earlier change is too.
 */
export async function changesHeard(app: INestApplication, prisma: PrismaClient): Promise<void> {
  const feed = app.get(ChangeFeed);
  const probe = randomUUID();
  const mark = feed.mark();
  await prisma.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}::text, ${`organization:${probe}`}::text)`;
  await eventually('the API to hear the database’s notifications', () =>
    feed.organizationUnchangedSince(probe, mark) ? undefined : true,
  );
}
