import type { ProgramProjectionActivities } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';

/** The API lists programs from PostgreSQL; the workflow keeps the row's stage and status current. */
export function createProgramProjectionActivities({
  prisma,
}: {
  prisma: PrismaClient;
}): ProgramProjectionActivities {
  return {
    async projectProgram({ programId, stage, status }) {
      await prisma.program.updateMany({ where: { id: programId }, data: { stage, status } });
    },
  };
}
