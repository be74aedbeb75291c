import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemporalSettings, temporalConnectionOptions } from './temporal-connection.js';

describe('Temporal connection settings (shared by the API and the worker)', () => {
  it('defaults to the local dev server and treats empty variables as unset', () => {
    expect(loadTemporalSettings({ TEMPORAL_ADDRESS: '', TEMPORAL_API_KEY: ' ' })).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
    });
  });

  it('names every bad variable', () => {
    expect(() =>
      loadTemporalSettings({ TEMPORAL_ADDRESS: 'no-port', TEMPORAL_TLS_CERT_PATH: '/c.pem' }),
    ).toThrow(
      'Invalid Temporal configuration: TEMPORAL_ADDRESS: must be host:port; TEMPORAL_TLS_KEY_PATH: TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
    );
  });

  it('reads the mTLS files and turns TLS on for an API key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'certflow-tls-'));
    await writeFile(join(dir, 'c.pem'), 'CERT');
    await writeFile(join(dir, 'k.pem'), 'KEY');
    const settings = loadTemporalSettings({
      TEMPORAL_ADDRESS: 'temporal.example:7233',
      TEMPORAL_NAMESPACE: 'prod',
      TEMPORAL_TLS_CERT_PATH: join(dir, 'c.pem'),
      TEMPORAL_TLS_KEY_PATH: join(dir, 'k.pem'),
    });
    const options = await temporalConnectionOptions(settings);
    expect(options.address).toBe('temporal.example:7233');
    expect(typeof options.tls === 'object' && options.tls.clientCertPair?.crt.toString()).toBe('CERT');
    expect(await temporalConnectionOptions({ address: 'x:1', namespace: 'n', apiKey: 'k' })).toEqual({
      address: 'x:1',
      apiKey: 'k',
      tls: true,
    });
  });
});
