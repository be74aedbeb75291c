import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

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
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async create(input: CreateOrganization): Promise<Organization> {
    try {
      return toOrganization(await this.prisma.organization.create({ data: input }));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`Organization slug '${input.slug}' is already taken`);
      throw error;
    }
  }

  async list(): Promise<Organization[]> {
    const rows = await this.prisma.organization.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toOrganization);
  }

  async get(id: string): Promise<Organization> {
    const row = await this.prisma.organization.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('Organization', id);
    return toOrganization(row);
  }
}
