import { z } from 'zod';

/** Treats `VAR=` (set but empty, common in compose files and CI) the same as unset. */
const optionalSetting = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

/** Environment variables that choose the database. Neither is required: the default is embedded PGlite. */
export const databaseEnvSchema = z.object({
  DATABASE_URL: optionalSetting(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
    }),
  ),
  PGLITE_DATA_DIR: optionalSetting(z.string()),
});

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** Where to connect: PostgreSQL when `databaseUrl` is set, otherwise embedded PGlite in `pgliteDataDir`. */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Defaults to `.data/pglite` at the repository root. Ignored when `databaseUrl` is set. */
  pgliteDataDir?: string | undefined;
}

/** Validates the environment and turns it into options for createPrismaClient() and migrate(). Throws a ZodError. */
export function loadDatabaseOptions(env: Record<string, string | undefined> = process.env): DatabaseOptions {
  const parsed = databaseEnvSchema.parse(env);
  return { databaseUrl: parsed.DATABASE_URL, pgliteDataDir: parsed.PGLITE_DATA_DIR };
}
