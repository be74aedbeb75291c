import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';

import { hashSecret } from '../../common/secret-token.js';

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain http is accepted only for an identity provider on this machine (a development or test IdP); anything
 * else must be https, as openid-client insists.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return null;
  return 'must be an https:// URL';
}

/**
 * The authorisation-code flow with PKCE through openid-client 6: discovery (cached per issuer and client),
 * the authorisation URL, and the code exchange that checks state, nonce, issuer and the ID token.
 */
@Injectable()
export class OidcClient {
  private readonly cache = new Map<string, { config: Promise<oidc.Configuration>; expires: number }>();

  configuration(settings: ProviderSettings): Promise<oidc.Configuration> {
    const key = `${settings.issuer}|${settings.clientId}|${hashSecret(settings.clientSecret)}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.config;
    const url = new URL(settings.issuer);
    const config = oidc.discovery(
      url,
      settings.clientId,
      settings.clientSecret,
      undefined,
      url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    this.cache.set(key, { config, expires: Date.now() + DISCOVERY_TTL_MS });
    // A failed discovery is not kept, so the next attempt tries again.
    config.catch(() => this.cache.delete(key));
    return config;
  }

  async authorizationUrl(
    settings: ProviderSettings,
    redirectUri: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<URL> {
    const config = await this.configuration(settings);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
  }

  /** Exchanges the code; the ID token is verified by openid-client. Email comes from it or from userinfo. */
  async exchange(
    settings: ProviderSettings,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedIdentity> {
    const config = await this.configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider returned no ID token');
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let verified = claims.email_verified;
    let name = typeof claims.name === 'string' ? claims.name : undefined;
    if (email === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
      name ??= info.name;
    }
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: email?.toLowerCase() ?? null,
      emailVerified: verified === true,
      name: name ?? null,
    };
  }

  static newChecks() {
    return {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
  }
}
