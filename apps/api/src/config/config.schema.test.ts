import { describe, expect, it } from 'vitest';

import { InvalidConfigError, loadConfig } from './config.schema.js';

describe('loadConfig', () => {
  it('defaults to the embedded stack', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      queryTimeoutMs: 2000,
      rpcTimeoutMs: 10_000,
      uiUrl: 'http://localhost:8233',
    });
    expect(config.database).toEqual({});
  });

  it('reads external services and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/certflow',
      TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233',
      TEMPORAL_API_KEY: 'secret',
      TEMPORAL_TLS_CERT_PATH: '',
    });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ databaseUrl: 'postgres://u:p@db:5432/certflow' });
    expect(config.temporal.apiKey).toBe('secret');
    expect(config.temporal.tls).toBeUndefined();
  });

  it('collects mTLS and CA paths', () => {
    const config = loadConfig({
      TEMPORAL_TLS_CERT_PATH: '/certs/client.pem',
      TEMPORAL_TLS_KEY_PATH: '/certs/client.key',
      TEMPORAL_TLS_CA_PATH: '/certs/ca.pem',
    });
    expect(config.temporal.tls).toEqual({
      certPath: '/certs/client.pem',
      keyPath: '/certs/client.key',
      caPath: '/certs/ca.pem',
    });
  });

  it('defaults sign-in, sessions and mail to the embedded stack', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({
      cookieName: 'certflow_session',
      idleMs: 60 * 60_000,
      absoluteMs: 12 * 3_600_000,
      trustedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      signInWindowMs: 15 * 60_000,
      maxAttemptsPerAccount: 5,
      maxAttemptsPerAddress: 50,
      invitationTtlMs: 72 * 3_600_000,
      publicWebUrl: 'http://localhost:5173',
      oidcRedirectUri: 'http://localhost:5173/api/auth/sso/callback',
    });
    expect(config.mail).toEqual({
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      from: 'Certflow <no-reply@certflow.local>',
    });
    expect(config.trustProxy).toBe('loopback');
  });

  it('reads the identity settings', () => {
    const config = loadConfig({
      PUBLIC_WEB_URL: 'https://certflow.acme.example/',
      CORS_ORIGINS: 'https://certflow.acme.example',
      SESSION_IDLE_MINUTES: '20',
      SESSION_ABSOLUTE_HOURS: '8',
      SMTP_USER: 'mailer',
      SMTP_PASSWORD: 'secret',
    });
    expect(config.auth).toMatchObject({
      publicWebUrl: 'https://certflow.acme.example',
      oidcRedirectUri: 'https://certflow.acme.example/api/auth/sso/callback',
      trustedOrigins: ['https://certflow.acme.example'],
      idleMs: 20 * 60_000,
      absoluteMs: 8 * 3_600_000,
    });
    expect(config.mail.auth).toEqual({ user: 'mailer', pass: 'secret' });
  });

  it('names the offending variable', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_HOURS: '2' })).toThrow(
      /SESSION_IDLE_MINUTES/,
    );
    expect(() => loadConfig({ SESSION_COOKIE_NAME: 'bad name;' })).toThrow(/SESSION_COOKIE_NAME/);
    expect(() => loadConfig({ SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '0' })).toThrow(/SIGN_IN_MAX_ATTEMPTS/);
    expect(() => loadConfig({ PUBLIC_WEB_URL: 'ftp://x' })).toThrow(/PUBLIC_WEB_URL/);
    expect(() => loadConfig({ SMTP_USER: 'only-user' })).toThrow(/SMTP_PASSWORD/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ TEMPORAL_TLS_CERT_PATH: '/certs/client.pem' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigError);
      expect((error as InvalidConfigError).issues[0]?.path).toBe('TEMPORAL_TLS_KEY_PATH');
    }
  });
});
