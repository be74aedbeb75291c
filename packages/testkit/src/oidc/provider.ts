import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider, { type Configuration } from 'oidc-provider';

import { loginPage } from './login-page.js';

export interface OidcTestAccount {
  /** Stable subject identifier the provider issues for this person. */
  subject: string;
  email: string;
  password: string;
  name?: string;
  /** Default true; a provider that does not vouch for the address must not be trusted with it. */
  emailVerified?: boolean;
}

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcProviderOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  clients: OidcTestClient[];
  accounts: OidcTestAccount[];
}

export interface RunningOidcProvider {
  issuer: string;
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, the certified implementation) on a real HTTP
 * listener, with its own sign-in page that checks a password per account. Consent is granted automatically for
 * the configured clients, as a company IdP does for its own applications. PKCE is required for every client.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const host = options.host ?? '127.0.0.1';
  // The issuer contains the port, so the provider is made once the server listens.
  const ready: { provider?: Provider } = {};
  const server = createServer((req, res) => {
    if (!ready.provider) {
      res.writeHead(503).end();
      return;
    }
    void handle(ready.provider, options, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 500, `<p>${String(error)}</p>`);
    });
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  const byAccountId = new Map(options.accounts.map((account) => [account.subject, account]));
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['certflow-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = byAccountId.get(id);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: () => ({
          sub: account.subject,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          ...(account.name ? { name: account.name } : {}),
        }),
      };
    },
  };
  ready.provider = new Provider(issuer, configuration);

  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(
  provider: Provider,
  options: OidcProviderOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://provider');
  const match = /^\/interaction\/([^/]+)$/.exec(url.pathname);
  if (!match) {
    await provider.callback()(req, res);
    return;
  }
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'consent') {
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? '',
      clientId: String(details.params.client_id),
    });
    const scope = details.params.scope;
    grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'GET') {
    sendHtml(res, 200, loginPage({ action: url.pathname }));
    return;
  }
  const form = await readBody(req);
  const email = (form.get('email') ?? '').trim().toLowerCase();
  const account = options.accounts.find(
    (candidate) => candidate.email.toLowerCase() === email && candidate.password === form.get('password'),
  );
  if (!account) {
    sendHtml(res, 200, loginPage({ action: url.pathname, email, error: 'Wrong email or password.' }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.subject } },
    { mergeWithLastSubmission: false },
  );
}
