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

  it('names the offending variable', () => {
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
