import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { actorOf, type Principal, type UserPrincipal } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { ConflictError, NotFoundError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../database/database.module.js';
import type { CreateOrganization, Organization } from './organizations.schemas.js';

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.createdAt.toISOString() };
}

@Injectable()
export class OrganizationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly audit: AuditTrail,
  ) {}

  /** The organisation, its creator as admin and the audit event commit together. */
  async create(input: CreateOrganization, creator: UserPrincipal): Promise<Organization> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const organization = await tx.organization.create({ data: input });
        await tx.membership.create({
          data: { organizationId: organization.id, userId: creator.userId, role: 'admin' },
        });
        await this.audit.record(
          {
            type: 'organization.created',
            actor: actorOf(creator),
            organizationIds: [organization.id],
            payload: { name: input.name, slug: input.slug, adminUserId: creator.userId },
          },
          tx,
        );
        return organization;
      });
      return toOrganization(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`Organization slug '${input.slug}' is already taken`);
      throw error;
    }
  }

  async listFor(principal: Principal): Promise<Organization[]> {
    const rows = await this.prisma.organization.findMany({
      where:
        principal.kind === 'token'
          ? { id: principal.organizationId }
          : { memberships: { some: { userId: principal.userId } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toOrganization);
  }

  async get(id: string): Promise<Organization> {
    const row = await this.prisma.organization.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('Organization', id);
    return toOrganization(row);
  }
}
