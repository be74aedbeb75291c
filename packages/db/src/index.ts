export { createPrismaClient, pingDatabase, type DatabaseHandle } from './client.js';
export { databaseEnvSchema, loadDatabaseOptions, type DatabaseEnv, type DatabaseOptions } from './config.js';
export { migrate } from './migrations/migrate.js';
export {
  MigrationError,
  PRISMA_MIGRATE_ADVISORY_LOCK,
  runMigrations,
  type MigrateOptions,
  type MigrateResult,
} from './migrations/run-migrations.js';
export { defaultMigrationsDir, defaultPgliteDataDir, defaultSchemaPath } from './paths.js';
export { openSqlConnection, type SqlConnection, type SqlExecutor } from './sql-connection.js';
export { findSchemaDrift, type SchemaDifference } from './schema-check/find-schema-drift.js';
export {
  parsePrismaSchema,
  readPrismaSchema,
  type PrismaSchema,
} from './schema-check/parse-prisma-schema.js';

// Generated Prisma types: the client class, the Prisma namespace (errors, input types, Decimal, JsonValue ...),
// model types and enums.
export * from './generated/prisma/client.js';
