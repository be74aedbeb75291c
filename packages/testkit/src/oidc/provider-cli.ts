#!/usr/bin/env node
// Runs the test OpenID Connect provider as its own process. Configuration comes as JSON in
// OIDC_TEST_PROVIDER_CONFIG (the OidcProviderOptions shape); the issuer URL is printed once it listens.
import { type OidcProviderOptions, startOidcProvider } from './provider.js';

const raw = process.env.OIDC_TEST_PROVIDER_CONFIG;
if (!raw) {
  console.error('OIDC_TEST_PROVIDER_CONFIG is not set: pass the provider options as JSON.');
  process.exit(2);
}
const provider = await startOidcProvider(JSON.parse(raw) as OidcProviderOptions);
console.log(`OIDC provider listening on ${provider.issuer}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void provider.close().then(() => process.exit(0));
  });
}
