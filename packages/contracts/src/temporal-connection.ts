import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * `@certflow/contracts/temporal-connection`: how the API and the worker reach Temporal, read from the same
 * environment variables and validated the same way. Node only (it reads TLS files), so it is a separate entry
 * that workflows and the web app never load. The result fits both `Connection.connect` (@temporalio/client) and
 * `NativeConnection.connect` (@temporalio/worker).
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const temporalEnvShape = {
  /** host:port of the Temporal frontend. */
  TEMPORAL_ADDRESS: optional(z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port')).default(
    '127.0.0.1:7233',
  ),
  TEMPORAL_NAMESPACE: optional(z.string().min(1)).default('default'),
  /** Client certificate and key for mTLS (both or neither). */
  TEMPORAL_TLS_CERT_PATH: optional(z.string().min(1)),
  TEMPORAL_TLS_KEY_PATH: optional(z.string().min(1)),
  /** CA bundle for a server certificate not signed by a public CA (self-hosted clusters). */
  TEMPORAL_TLS_CA_PATH: optional(z.string().min(1)),
  /** API key (Temporal Cloud); turns TLS on. */
  TEMPORAL_API_KEY: optional(z.string().min(1)),
};

type TemporalEnv = {
  TEMPORAL_TLS_CERT_PATH?: string | undefined;
  TEMPORAL_TLS_KEY_PATH?: string | undefined;
};

/** mTLS needs both halves; one without the other is a deployment mistake worth failing on at start-up. */
export function checkTemporalTls(env: TemporalEnv, ctx: z.RefinementCtx): void {
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH'],
      message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
    });
  }
}

export const temporalEnvSchema = z.object(temporalEnvShape).superRefine(checkTemporalTls);

export interface TemporalSettings {
  address: string;
  namespace: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string };
  apiKey?: string;
}

/** The settings from an environment already validated by a schema built from `temporalEnvShape`. */
export function temporalSettingsOf(env: z.output<typeof temporalEnvSchema>): TemporalSettings {
  const tls =
    env.TEMPORAL_TLS_CERT_PATH || env.TEMPORAL_TLS_CA_PATH
      ? {
          ...(env.TEMPORAL_TLS_CERT_PATH && { certPath: env.TEMPORAL_TLS_CERT_PATH }),
          ...(env.TEMPORAL_TLS_KEY_PATH && { keyPath: env.TEMPORAL_TLS_KEY_PATH }),
          ...(env.TEMPORAL_TLS_CA_PATH && { caPath: env.TEMPORAL_TLS_CA_PATH }),
        }
      : undefined;
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    ...(tls && { tls }),
    ...(env.TEMPORAL_API_KEY && { apiKey: env.TEMPORAL_API_KEY }),
  };
}

/** Validates `env` (process.env by default) and returns the settings, or throws naming every bad variable. */
export function loadTemporalSettings(
  env: Record<string, string | undefined> = process.env,
): TemporalSettings {
  const parsed = temporalEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Temporal configuration: ${problems}`);
  }
  return temporalSettingsOf(parsed.data);
}

export interface TemporalConnectionOptions {
  address: string;
  tls?: boolean | { clientCertPair?: { crt: Buffer; key: Buffer }; serverRootCACertificate?: Buffer };
  apiKey?: string;
}

/** Connection options for either SDK connection, with the TLS files read. */
export async function temporalConnectionOptions(
  settings: TemporalSettings,
): Promise<TemporalConnectionOptions> {
  const options: TemporalConnectionOptions = { address: settings.address };
  const { certPath, keyPath, caPath } = settings.tls ?? {};
  if (certPath || caPath) {
    options.tls = {
      // The schema guarantees the key whenever a certificate is given.
      ...(certPath &&
        keyPath && { clientCertPair: { crt: await readFile(certPath), key: await readFile(keyPath) } }),
      ...(caPath && { serverRootCACertificate: await readFile(caPath) }),
    };
  }
  if (settings.apiKey) {
    options.apiKey = settings.apiKey;
    // API keys are only accepted over TLS (Temporal Cloud); keep any mTLS settings chosen above.
    options.tls ??= true;
  }
  return options;
}
