import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';

import { ConflictError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { hashPassword } from '../auth/passwords.js';

export interface NewAccount {
  /** Lower-cased by the schemas that accept it. */
  email: string;
  name?: string | null;
  /** Omitted for people who sign in only through single sign-on. */
  password?: string;
}

type Tx = Prisma.TransactionClient;

/** Creating people and their memberships: used by invitations, single sign-on and the first-run set-up. */
@Injectable()
export class AccountsService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Hashes outside the transaction (it takes tens of milliseconds), then inserts. */
  async prepare(account: NewAccount): Promise<Prisma.UserCreateInput> {
    return {
      email: account.email.toLowerCase(),
      name: account.name ?? null,
      passwordHash: account.password === undefined ? null : await hashPassword(account.password),
    };
  }

  async createUser(data: Prisma.UserCreateInput, tx: Tx | PrismaClient = this.prisma) {
    try {
      return await tx.user.create({ data });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An account with this email already exists');
      throw error;
    }
  }

  async addMembership(
    organizationId: string,
    userId: string,
    role: Role,
    tx: Tx | PrismaClient = this.prisma,
  ) {
    try {
      return await tx.membership.create({ data: { organizationId, userId, role } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This person is already a member');
      throw error;
    }
  }
}
