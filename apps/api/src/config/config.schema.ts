import {
  checkTemporalTls,
  temporalEnvShape,
  temporalSettingsOf,
  type TemporalSettings,
} from '@certflow/contracts/temporal-connection';
import { z } from 'zod';

const optionalPath = z.string().trim().min(1).optional();

/**
 * Every setting the API reads from the environment. Defaults run the embedded stack started by
 * `pnpm start` (Temporal dev server on 7233, PGlite), so a newcomer needs no configuration at all.
 */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /** Comma-separated browser origins allowed by CORS; the Vite dev server and preview by default. */
    CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
    /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS and API key: the same variables and rules as the worker. */
    ...temporalEnvShape,
    /** How long GET /programs/:id waits for a worker to answer a query before using the DB projection. */
    TEMPORAL_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /** Deadline for other Temporal calls (starting a workflow), so a request never hangs on an unreachable server. */
    TEMPORAL_RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** Used only when DATABASE_URL is unset; @certflow/db defaults it to `.data/pglite` at the repository root. */
    PGLITE_DATA_DIR: optionalPath,
  })
  .superRefine(checkTemporalTls);

export interface AppConfig {
  port: number;
  corsOrigins: string[];
  temporal: TemporalSettings & {
    queryTimeoutMs: number;
    rpcTimeoutMs: number;
  };
  /** The shape @certflow/db's createPrismaClient() takes: PostgreSQL when databaseUrl is set, else PGlite. */
  database: { databaseUrl?: string; pgliteDataDir?: string };
}

export class InvalidConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid environment: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings (e.g. `DATABASE_URL=` in a shell) mean "unset", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new InvalidConfigError(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    temporal: {
      ...temporalSettingsOf(e),
      queryTimeoutMs: e.TEMPORAL_QUERY_TIMEOUT_MS,
      rpcTimeoutMs: e.TEMPORAL_RPC_TIMEOUT_MS,
    },
    database: e.DATABASE_URL
      ? { databaseUrl: e.DATABASE_URL }
      : e.PGLITE_DATA_DIR
        ? { pgliteDataDir: e.PGLITE_DATA_DIR }
        : {},
  };
}
