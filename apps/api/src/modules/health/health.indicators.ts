import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@certflow/db';

import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';

// A health probe must answer quickly even when a dependency hangs instead of refusing connections.
const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

@Injectable()
export class DependencyHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async database() {
    const indicator = this.health.check('database');
    try {
      await withTimeout(this.prisma.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: reason(error) });
    }
  }

  async temporal() {
    const indicator = this.health.check('temporal');
    const { connection } = this.client;
    try {
      // getSystemInfo works on every deployment (dev server, self-hosted, Cloud with an API key).
      await connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        connection.workflowService.getSystemInfo({}),
      );
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: reason(error) });
    }
  }
}
