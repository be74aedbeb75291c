import { readFile } from 'node:fs/promises';

import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

async function connectionOptions({ temporal }: AppConfig): Promise<ConnectionOptions> {
  const options: ConnectionOptions = { address: temporal.address };
  const { certPath, keyPath, caPath } = temporal.tls ?? {};
  if (certPath || caPath) {
    options.tls = {
      // The config schema guarantees the key whenever a certificate is given.
      ...(certPath &&
        keyPath && { clientCertPair: { crt: await readFile(certPath), key: await readFile(keyPath) } }),
      ...(caPath && { serverRootCACertificate: await readFile(caPath) }),
    };
  }
  if (temporal.apiKey) {
    options.apiKey = temporal.apiKey;
    // API keys are only accepted over TLS (Temporal Cloud); keep any mTLS settings chosen above.
    options.tls ??= true;
  }
  return options;
}

/**
 * A thin hand-written module (see temporal-notes §6.3): one Client for the whole API. The connection is lazy
 * so the API starts, and /health reports the outage, while Temporal is still coming up.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        new Client({
          connection: Connection.lazy(await connectionOptions(config)),
          namespace: config.temporal.namespace,
        }),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
