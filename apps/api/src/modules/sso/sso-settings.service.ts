import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { InputValidationError } from '../../common/domain-errors.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { issuerProblem, OidcClient } from './oidc-client.js';
import type { SsoSettingsView } from './sso.schemas.js';

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  required: boolean;
}

/** An organisation's OpenID Connect provider, set by its admins. The client secret is write-only. */
@Injectable()
export class SsoSettingsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcClient,
    private readonly audit: AuditTrail,
  ) {}

  async get(caller: Caller): Promise<SsoSettingsView> {
    const row = await this.prisma.organizationSso.findUnique({
      where: { organizationId: caller.organizationId },
    });
    return {
      configured: Boolean(row),
      issuer: row?.issuer ?? null,
      clientId: row?.clientId ?? null,
      clientSecretSet: Boolean(row?.clientSecret),
      required: row?.required ?? false,
      redirectUri: this.config.auth.oidcRedirectUri,
    };
  }

  /** Saves the provider after checking that its discovery document can be read. */
  async update(caller: Caller, input: SsoSettingsInput): Promise<SsoSettingsView> {
    const { organizationId } = caller;
    const issuer = input.issuer.replace(/\/+$/, '');
    const problem = issuerProblem(issuer);
    if (problem) throw new InputValidationError([{ path: 'issuer', message: problem }]);
    const existing = await this.prisma.organizationSso.findUnique({ where: { organizationId } });
    const clientSecret = input.clientSecret ?? existing?.clientSecret;
    if (!clientSecret) {
      throw new InputValidationError([
        { path: 'clientSecret', message: 'is needed to set up single sign-on' },
      ]);
    }
    try {
      await this.oidc.configuration({ issuer, clientId: input.clientId, clientSecret });
    } catch (error) {
      throw new InputValidationError([
        {
          path: 'issuer',
          message: `could not read ${issuer}/.well-known/openid-configuration (${error instanceof Error ? error.message : String(error)})`,
        },
      ]);
    }
    await this.prisma.$transaction(async (tx) => {
      const data = { issuer, clientId: input.clientId, clientSecret, required: input.required };
      await tx.organizationSso.upsert({
        where: { organizationId },
        create: { organizationId, ...data },
        update: data,
      });
      await this.audit.record(
        {
          type: 'sso.configured',
          actor: actorOf(caller.principal),
          organizationIds: [organizationId],
          payload: {
            issuer,
            clientId: input.clientId,
            required: input.required,
            secretChanged: input.clientSecret !== undefined,
          },
        },
        tx,
      );
    });
    return this.get(caller);
  }

  async remove(caller: Caller): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.organizationSso.deleteMany({
        where: { organizationId: caller.organizationId },
      });
      if (count === 0) return;
      await this.audit.record(
        { type: 'sso.removed', actor: actorOf(caller.principal), organizationIds: [caller.organizationId] },
        tx,
      );
    });
  }
}
