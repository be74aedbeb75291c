import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { PRISMA } from '../database/database.module.js';
import { BoundedMap } from '../read-cache/bounded-map.js';
import type { ResourceKind } from './route-policy.js';

/** How each resource names itself in a 404; the same words whether it does not exist or is someone else's. */
export const resourceLabels: Record<ResourceKind, string> = {
  program: 'Program',
  invitation: 'Invitation',
  membership: 'Membership',
  'api-token': 'API token',
  'program-grant': 'Program grant',
  task: 'Task',
  evidence: 'Evidence',
};

const select = { organizationId: true } as const;

/** Finds the organisation that owns a resource addressed by its UUID, for the guard's membership check. */
@Injectable()
export class OrganizationLocator {
  /** Programs and tasks never move to another organisation, so where they belong is worth remembering. */
  private readonly owners = new BoundedMap<string>(50_000);

  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async organizationOf(resource: ResourceKind, id: string): Promise<string | null> {
    if (resource !== 'program' && resource !== 'task') return this.lookUp(resource, id);
    const key = `${resource}:${id}`;
    const known = this.owners.get(key);
    if (known) return known;
    const organizationId = await this.lookUp(resource, id);
    if (organizationId) this.owners.set(key, organizationId);
    return organizationId;
  }

  private async lookUp(resource: ResourceKind, id: string): Promise<string | null> {
    const where = { id };
    switch (resource) {
      case 'program':
        return (await this.prisma.program.findUnique({ where, select }))?.organizationId ?? null;
      case 'invitation':
        return (await this.prisma.invitation.findUnique({ where, select }))?.organizationId ?? null;
      case 'membership':
        return (await this.prisma.membership.findUnique({ where, select }))?.organizationId ?? null;
      case 'api-token':
        return (await this.prisma.apiToken.findUnique({ where, select }))?.organizationId ?? null;
      case 'program-grant':
        return (await this.prisma.programGrant.findUnique({ where, select }))?.organizationId ?? null;
      case 'task':
        return (
          (await this.prisma.remediationTask.findUnique({ where, select: { program: { select } } }))?.program
            .organizationId ?? null
        );
      case 'evidence':
        return (await this.prisma.evidence.findUnique({ where, select }))?.organizationId ?? null;
    }
  }
}
