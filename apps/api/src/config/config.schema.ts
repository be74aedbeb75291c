import { dirname, join, resolve } from 'node:path';

import {
  checkTemporalTls,
  temporalEnvShape,
  temporalSettingsOf,
  type TemporalSettings,
} from '@certflow/contracts/temporal-connection';
import { defaultPgliteDataDir } from '@certflow/db';
import { z } from 'zod';

const optionalPath = z.string().trim().min(1).optional();
const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['true', 'false']);

/**
 * Every setting the API reads from the environment. Defaults run the embedded stack started by
 * `pnpm start` (Temporal dev server on 7233, PGlite), so a newcomer needs no configuration at all.
 */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /**
     * Comma-separated browser origins trusted to call the API with the session cookie: allowed by CORS and
     * accepted by the cross-site request check. The Vite dev server and preview by default.
     */
    CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
    /** Express `trust proxy`: which hops may set X-Forwarded-For/-Proto (client address, HTTPS detection). */
    TRUST_PROXY: z.string().min(1).default('loopback'),
    /** Where people open the web app; links in emails and the SSO return point are built from it. */
    PUBLIC_WEB_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:5173'),
    /** The SSO callback as the identity provider reaches it; default: the web app's /api proxy. */
    OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
    SESSION_COOKIE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only')
      .default('certflow_session'),
    /** A session unused for this long ends. */
    SESSION_IDLE_MINUTES: positiveInt(1, 7 * 24 * 60).default(60),
    /** A session ends this long after sign-in, however active. */
    SESSION_ABSOLUTE_HOURS: positiveInt(1, 30 * 24).default(12),
    /** Sign-in attempts allowed per account (email) per window, successful or not. */
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: positiveInt(1, 1000).default(5),
    /** Failed sign-in attempts allowed per client address per window. */
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: positiveInt(1, 100_000).default(50),
    SIGN_IN_WINDOW_MINUTES: positiveInt(1, 24 * 60).default(15),
    INVITATION_TTL_HOURS: positiveInt(1, 30 * 24).default(72),
    SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    SMTP_PORT: positiveInt(1, 65_535).default(1025),
    SMTP_SECURE: flag.default('false'),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(1).default('Certflow <no-reply@certflow.local>'),
    /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS and API key: the same variables and rules as the worker. */
    ...temporalEnvShape,
    /** How long GET /programs/:id waits for a worker to answer a query before using the DB projection. */
    TEMPORAL_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /** Base URL of the Temporal web UI, for the program page's link to its workflow (the dev server's by default). */
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
    /** Deadline for other Temporal calls (starting a workflow), so a request never hangs on an unreachable server. */
    TEMPORAL_RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** Used only when DATABASE_URL is unset; @certflow/db defaults it to `.data/pglite` at the repository root. */
    PGLITE_DATA_DIR: optionalPath,
    /** Where evidence files are stored (content-addressed); default `.data/evidence` at the repository root. */
    EVIDENCE_DIR: optionalPath,
    /** Largest evidence file accepted, in bytes (default 50 MiB). */
    EVIDENCE_MAX_BYTES: positiveInt(1, 10 * 1024 ** 3).default(50 * 1024 ** 2),
    /** Memory for cached answers to heavy reads per API process, in MiB; 0 turns the cache off (ADR 0020). */
    READ_CACHE_MAX_MB: positiveInt(0, 64 * 1024).default(64),
    /** The longest a cached answer is served even when no change was heard (a backstop, ADR 0020). */
    READ_CACHE_MAX_AGE_SECONDS: positiveInt(1, 86_400).default(300),
    /** How often each API process re-reads the feed even without a notification (held-back rows, PGlite). */
    LIVE_UPDATES_POLL_MS: positiveInt(100, 60_000).default(2000),
    /** Comment line sent to every live-update stream this often, so proxies keep it open. */
    LIVE_UPDATES_HEARTBEAT_MS: positiveInt(1000, 120_000).default(15_000),
    /** How often an open stream re-checks its session, membership and role (and forgets visibility). */
    LIVE_UPDATES_RECHECK_MS: positiveInt(1000, 600_000).default(30_000),
  })
  .superRefine((env, ctx) => {
    checkTemporalTls(env, ctx);
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.SMTP_USER ? 'SMTP_PASSWORD' : 'SMTP_USER'],
        message: 'SMTP_USER and SMTP_PASSWORD must be set together',
      });
    }
    if (env.SESSION_IDLE_MINUTES > env.SESSION_ABSOLUTE_HOURS * 60) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_IDLE_MINUTES'],
        message: 'must not exceed SESSION_ABSOLUTE_HOURS',
      });
    }
  });

export interface AuthConfig {
  cookieName: string;
  idleMs: number;
  absoluteMs: number;
  /** Origins whose cookie-authenticated changes are accepted (and CORS allows). */
  trustedOrigins: string[];
  signInWindowMs: number;
  maxAttemptsPerAccount: number;
  maxAttemptsPerAddress: number;
  invitationTtlMs: number;
  /** Without trailing slash. */
  publicWebUrl: string;
  oidcRedirectUri: string;
}

export interface MailConfig {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

export interface AppConfig {
  port: number;
  corsOrigins: string[];
  trustProxy: string;
  auth: AuthConfig;
  mail: MailConfig;
  temporal: TemporalSettings & {
    queryTimeoutMs: number;
    rpcTimeoutMs: number;
    /** Without trailing slash. */
    uiUrl: string;
  };
  /** The shape @certflow/db's createPrismaClient() takes: PostgreSQL when databaseUrl is set, else PGlite. */
  database: { databaseUrl?: string; pgliteDataDir?: string };
  evidence: { dir: string; maxBytes: number };
  liveUpdates: { pollMs: number; heartbeatMs: number; recheckMs: number };
  readCache: { maxBytes: number; maxAgeMs: number };
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
  const corsOrigins = e.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const publicWebUrl = e.PUBLIC_WEB_URL.replace(/\/+$/, '');
  return {
    port: e.PORT,
    corsOrigins,
    trustProxy: e.TRUST_PROXY,
    auth: {
      cookieName: e.SESSION_COOKIE_NAME,
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      trustedOrigins: corsOrigins,
      signInWindowMs: e.SIGN_IN_WINDOW_MINUTES * 60_000,
      maxAttemptsPerAccount: e.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT,
      maxAttemptsPerAddress: e.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
      invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
      publicWebUrl,
      oidcRedirectUri: e.OIDC_REDIRECT_URI ?? `${publicWebUrl}/api/auth/sso/callback`,
    },
    mail: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE === 'true',
      ...(e.SMTP_USER && e.SMTP_PASSWORD ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } } : {}),
      from: e.MAIL_FROM,
    },
    temporal: {
      ...temporalSettingsOf(e),
      queryTimeoutMs: e.TEMPORAL_QUERY_TIMEOUT_MS,
      rpcTimeoutMs: e.TEMPORAL_RPC_TIMEOUT_MS,
      uiUrl: e.TEMPORAL_UI_URL.replace(/\/+$/, ''),
    },
    database: e.DATABASE_URL
      ? { databaseUrl: e.DATABASE_URL }
      : e.PGLITE_DATA_DIR
        ? { pgliteDataDir: e.PGLITE_DATA_DIR }
        : {},
    evidence: {
      dir: resolve(e.EVIDENCE_DIR ?? join(dirname(defaultPgliteDataDir()), 'evidence')),
      maxBytes: e.EVIDENCE_MAX_BYTES,
    },
    readCache: {
      maxBytes: e.READ_CACHE_MAX_MB * 1024 ** 2,
      maxAgeMs: e.READ_CACHE_MAX_AGE_SECONDS * 1000,
    },
    liveUpdates: {
      pollMs: e.LIVE_UPDATES_POLL_MS,
      heartbeatMs: e.LIVE_UPDATES_HEARTBEAT_MS,
      recheckMs: e.LIVE_UPDATES_RECHECK_MS,
    },
  };
}
