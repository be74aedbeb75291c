import { Inject, Injectable } from '@nestjs/common';
import { CertflowAtRisk, CertflowNextMilestoneAt, CertflowStage } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';
import type { Client } from '@temporalio/client';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import type { OverviewProgram, OverviewView } from './overview.schemas.js';

interface LiveAttributes {
  stage: string | undefined;
  atRisk: boolean | undefined;
  nextMilestoneAt: Date | undefined;
}

/**
 * Leadership's overview: every program of the organisation per framework with its stage and whether it is at
 * risk. The rows come from PostgreSQL; stage and risk from the workflows' search attributes (one visibility
 * query), or the database projection alone when Temporal does not answer in time.
 */
@Injectable()
export class OverviewService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async overview(caller: Caller): Promise<OverviewView> {
    const rows = await this.prisma.program.findMany({
      where: this.visibility.where(caller),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const live = await this.liveAttributes(caller.organizationId);
    const programs = rows.map((row): OverviewProgram & { frameworks: string[] } => {
      const attributes = live?.get(row.workflowId);
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        status: row.status,
        stage: attributes?.stage ?? row.stage,
        atRisk: live ? (attributes?.atRisk ?? false) : null,
        nextMilestoneAt: attributes?.nextMilestoneAt?.toISOString() ?? null,
        frameworks: row.frameworks,
      };
    });
    const frameworks = [...new Set(programs.flatMap((p) => p.frameworks))].sort();
    return {
      source: live ? 'search-attributes' : 'database',
      generatedAt: this.clock.now().toISOString(),
      totals: { programs: programs.length, atRisk: programs.filter((p) => p.atRisk).length },
      frameworks: frameworks.map((framework) => ({
        framework,
        programs: programs
          .filter((p) => p.frameworks.includes(framework))
          .map(({ frameworks: _frameworks, ...program }) => program),
      })),
    };
  }

  /** Running workflows of the organisation by workflow id; undefined when visibility cannot be read. */
  private async liveAttributes(organizationId: string): Promise<Map<string, LiveAttributes> | undefined> {
    const { connection } = this.temporal;
    try {
      return await connection.withDeadline(Date.now() + this.config.temporal.queryTimeoutMs, async () => {
        const found = new Map<string, LiveAttributes>();
        // organizationId is a UUID checked by the guard, so it is safe inside the query string.
        const query = `CertflowOrganizationId = '${organizationId}' AND ExecutionStatus = 'Running'`;
        for await (const execution of this.temporal.workflow.list({ query })) {
          const attributes = execution.typedSearchAttributes;
          found.set(execution.workflowId, {
            stage: attributes.get(CertflowStage),
            atRisk: attributes.get(CertflowAtRisk),
            nextMilestoneAt: attributes.get(CertflowNextMilestoneAt),
          });
        }
        return found;
      });
    } catch {
      return undefined;
    }
  }
}
