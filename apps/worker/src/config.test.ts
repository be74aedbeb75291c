import { PROGRAM_TASK_QUEUE } from '@certflow/contracts';
import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './config.js';

describe('worker configuration from the environment', () => {
  it('defaults to the local embedded stack', () => {
    const env = loadWorkerEnv({});
    expect(env).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: PROGRAM_TASK_QUEUE,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_SECURE: 'false',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset and coerces numbers', () => {
    expect(loadWorkerEnv({ TEMPORAL_ADDRESS: '', SMTP_PORT: '2525' })).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      SMTP_PORT: 2525,
    });
  });

  it('names every invalid setting', () => {
    let message = '';
    try {
      loadWorkerEnv({
        TEMPORAL_ADDRESS: 'no-port',
        DATABASE_URL: 'mysql://x',
        TEMPORAL_TLS_CERT_PATH: '/tmp/cert.pem',
        SMTP_USER: 'mailer',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').sort()).toEqual([
      '  DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL',
      '  SMTP_PASSWORD: SMTP user and password go together',
      '  TEMPORAL_ADDRESS: must be host:port',
      '  TEMPORAL_TLS_KEY_PATH: TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
      'Invalid worker configuration:',
    ]);
  });
});
