import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { temporalConnectionOptions } from '@certflow/contracts/temporal-connection';
import { Client, Connection } from '@temporalio/client';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

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
          connection: Connection.lazy(await temporalConnectionOptions(config.temporal)),
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
