export {
  type OidcProviderOptions,
  type OidcTestAccount,
  type OidcTestClient,
  type RunningOidcProvider,
  startOidcProvider,
} from './provider.js';
export { spawnOidcProvider } from './provider-process.js';
