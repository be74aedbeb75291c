import { Inject, Injectable } from '@nestjs/common';
import { permissionsOf, type Role } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';

import type { Principal } from '../../access/principal.js';
import { PRISMA } from '../../database/database.module.js';
import type { MembershipView, MeView } from './auth.schemas.js';

interface MembershipRow {
  role: Role;
  organization: { id: string; name: string; slug: string; sso: { required: boolean } | null };
}

const membershipInclude = {
  organization: { select: { id: true, name: true, slug: true, sso: { select: { required: true } } } },
} as const;

/** Who the caller is and what they may do where: the web app derives its menus and pages from this. */
@Injectable()
export class MeService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async describe(principal: Principal): Promise<MeView> {
    if (principal.kind === 'token') {
      const organization = await this.prisma.organization.findUniqueOrThrow({
        where: { id: principal.organizationId },
        include: { sso: { select: { required: true } } },
      });
      return {
        user: null,
        apiToken: { id: principal.tokenId, name: principal.tokenName },
        session: null,
        memberships: [view({ role: principal.role, organization }, true)],
      };
    }
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: principal.userId },
      include: { memberships: { include: membershipInclude, orderBy: { createdAt: 'asc' } } },
    });
    return {
      user: { id: user.id, email: user.email, name: user.name },
      apiToken: null,
      session: {
        method: principal.method as 'password' | 'oidc' | 'invitation',
        expiresAt: principal.expiresAt.toISOString(),
      },
      memberships: user.memberships.map((membership) =>
        view(
          membership,
          membership.role === 'admin' ||
            (principal.method === 'oidc' && principal.ssoOrganizationId === membership.organization.id),
        ),
      ),
    };
  }
}

function view(membership: MembershipRow, viaSsoOrAdmin: boolean): MembershipView {
  const ssoRequired = membership.organization.sso?.required ?? false;
  return {
    organization: {
      id: membership.organization.id,
      name: membership.organization.name,
      slug: membership.organization.slug,
    },
    role: membership.role,
    permissions: permissionsOf(membership.role),
    ssoRequired,
    access: ssoRequired && !viaSsoOrAdmin ? 'sso_required' : 'granted',
  };
}
