import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import { clearCookie, readCookie, setCookie } from '../../access/cookies.js';
import { SessionStore } from '../../access/session-store.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { InputValidationError } from '../../common/domain-errors.js';
import { hashSecret, newSecret } from '../../common/secret-token.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { clientAddress } from '../auth/sign-in.service.js';
import { InvitationAcceptanceService } from '../invitations/invitation-acceptance.service.js';
import { OidcClient, type VerifiedIdentity } from './oidc-client.js';

/** How long a person has at their identity provider before the flow must start again. */
const FLOW_TTL_MS = 10 * 60_000;

/** Why an SSO sign-in ended on the sign-in page; the web app explains each. */
export type SsoFailure = 'expired' | 'unavailable' | 'provider-error' | 'email-not-verified' | 'no-account';

class SsoSignInFailed extends Error {
  constructor(readonly reason: SsoFailure) {
    super(reason);
  }
}

/**
 * Single sign-on through an organisation's OpenID Connect provider: the authorisation-code flow with PKCE,
 * state and nonce kept in PostgreSQL (any replica finishes what another started), bound to the browser that
 * started it by a short-lived cookie. A provider identity signs in the account it was linked to, or (the first
 * time) the member whose email the provider verified, or someone with a pending invitation to that email.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    private readonly invitations: InvitationAcceptanceService,
    private readonly audit: AuditTrail,
  ) {}

  private get bindingCookie(): string {
    return `${this.config.auth.cookieName}_sso`;
  }

  async start(req: Request, res: Response, slug: string, returnTo = '/'): Promise<{ redirectUrl: string }> {
    const organization = await this.prisma.organization.findUnique({
      where: { slug },
      include: { sso: true },
    });
    // One answer for "no such organisation" and "no single sign-on there": nothing more is revealed.
    const unavailable = () =>
      new InputValidationError([
        { path: 'organization', message: `no single sign-on is set up for '${slug}'` },
      ]);
    if (!organization?.sso) throw unavailable();
    const checks = OidcClient.newChecks();
    const browser = newSecret();
    let redirect: URL;
    try {
      redirect = await this.oidc.authorizationUrl(organization.sso, this.config.auth.oidcRedirectUri, checks);
    } catch (error) {
      this.logger.warn(`SSO discovery failed for ${organization.sso.issuer}: ${describe(error)}`);
      throw new InputValidationError([
        {
          path: 'organization',
          message: 'the organisation’s identity provider cannot be reached; try again later',
        },
      ]);
    }
    const now = this.clock.now();
    await this.prisma.oidcSignInRequest.deleteMany({ where: { expiresAt: { lte: now } } });
    await this.prisma.oidcSignInRequest.create({
      data: {
        stateHash: hashSecret(checks.state),
        browserHash: hashSecret(browser),
        organizationId: organization.id,
        codeVerifier: checks.codeVerifier,
        nonce: checks.nonce,
        returnTo,
        expiresAt: new Date(now.getTime() + FLOW_TTL_MS),
      },
    });
    setCookie(req, res, this.bindingCookie, browser, FLOW_TTL_MS);
    return { redirectUrl: redirect.toString() };
  }

  /** Finishes the flow; always answers with where to send the browser next. */
  async callback(req: Request, res: Response): Promise<string> {
    const web = this.config.auth.publicWebUrl;
    try {
      const returnTo = await this.finish(req, res);
      return `${web}${returnTo}`;
    } catch (error) {
      const reason = error instanceof SsoSignInFailed ? error.reason : 'provider-error';
      if (!(error instanceof SsoSignInFailed)) this.logger.warn(`SSO callback failed: ${describe(error)}`);
      return `${web}/sign-in?sso_error=${reason}`;
    } finally {
      clearCookie(req, res, this.bindingCookie);
    }
  }

  private async finish(req: Request, res: Response): Promise<string> {
    const query = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
    const state = query.get('state');
    if (!state) throw new SsoSignInFailed('expired');
    const stateHash = hashSecret(state);
    const flow = await this.prisma.oidcSignInRequest.findUnique({
      where: { stateHash },
      include: { organization: { include: { sso: true } } },
    });
    // One use only, whatever happens next.
    await this.prisma.oidcSignInRequest.deleteMany({ where: { stateHash } });
    const browser = readCookie(req, this.bindingCookie);
    if (!flow || flow.expiresAt <= this.clock.now() || !browser || hashSecret(browser) !== flow.browserHash) {
      throw new SsoSignInFailed('expired');
    }
    const settings = flow.organization.sso;
    if (!settings) throw new SsoSignInFailed('unavailable');
    if (query.has('error')) throw new SsoSignInFailed('provider-error');

    const callbackUrl = new URL(this.config.auth.oidcRedirectUri);
    callbackUrl.search = query.toString();
    const identity = await this.oidc.exchange(settings, callbackUrl, {
      state,
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
    });
    const userId = await this.userFor(flow.organizationId, identity);

    const session = await this.sessions.open(req, res, {
      userId,
      method: 'oidc',
      ssoOrganizationId: flow.organizationId,
    });
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      include: { memberships: { select: { organizationId: true } } },
    });
    await this.audit.record({
      type: 'auth.signed-in',
      actor: user.email,
      organizationIds: user.memberships.map((m) => m.organizationId),
      payload: {
        method: 'oidc',
        issuer: identity.issuer,
        ssoOrganizationId: flow.organizationId,
        sessionId: session.id,
        ip: clientAddress(req),
      },
    });
    return flow.returnTo;
  }

  /** The member this provider identity signs in as, linking it on first use. */
  private async userFor(organizationId: string, identity: VerifiedIdentity): Promise<string> {
    const linked = await this.prisma.oidcIdentity.findUnique({
      where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } },
    });
    let userId = linked?.userId;
    if (!userId) {
      if (!identity.email) throw new SsoSignInFailed('no-account');
      if (!identity.emailVerified) throw new SsoSignInFailed('email-not-verified');
      const member = await this.prisma.user.findFirst({
        where: { email: identity.email, memberships: { some: { organizationId } } },
      });
      userId =
        member?.id ??
        (await this.invitations.joinThroughSso(organizationId, identity.email, identity.name))?.id;
      if (!userId) throw new SsoSignInFailed('no-account');
      await this.prisma.oidcIdentity.create({
        data: { userId, issuer: identity.issuer, subject: identity.subject },
      });
    }
    const membership = await this.prisma.membership.count({ where: { organizationId, userId } });
    if (membership === 0) throw new SsoSignInFailed('no-account');
    return userId;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
