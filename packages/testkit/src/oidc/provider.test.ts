import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningOidcProvider, startOidcProvider } from './provider.js';

describe('the test OpenID Connect provider', () => {
  let provider: RunningOidcProvider;

  beforeAll(async () => {
    // In this process here; the API and browser tests run it as its own process (provider-process.ts).
    provider = await startOidcProvider({
      clients: [{ clientId: 'c', clientSecret: 's', redirectUris: ['http://127.0.0.1:9/cb'] }],
      accounts: [{ subject: 'u1', email: 'a@acme.example', password: 'right' }],
    });
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('publishes its discovery document with PKCE and the code flow', async () => {
    const res = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    const metadata = (await res.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(provider.issuer);
    expect(metadata.code_challenge_methods_supported).toContain('S256');
    expect(metadata.response_types_supported).toContain('code');
  });

  it('refuses an authorisation request without PKCE', async () => {
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: 'c',
      redirect_uri: 'http://127.0.0.1:9/cb',
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/error=invalid_request/);
  });
});
