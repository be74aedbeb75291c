// Prisma 7 reads the schema location and the database URL from here, not from schema.prisma.
// Only the Prisma CLI loads this file; the runtime client gets its connection from createPrismaClient().
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Optional so `prisma generate` works without a database; `prisma migrate deploy` needs it set.
  datasource: { url: process.env.DATABASE_URL },
});
