import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { OidcProviderOptions, RunningOidcProvider } from './provider.js';

const cli = fileURLToPath(new URL('./provider-cli.js', import.meta.url));

/**
 * Starts the test OpenID Connect provider in a child process (a separate server, as a real IdP is) and resolves
 * with its issuer once it listens. `close` stops the process.
 */
export function spawnOidcProvider(
  options: OidcProviderOptions,
  timeoutMs = 30_000,
): Promise<RunningOidcProvider> {
  const child = spawn(process.execPath, [cli], {
    env: { ...process.env, OIDC_TEST_PROVIDER_CONFIG: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The OIDC provider did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /OIDC provider listening on (\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        issuer: match[1],
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The OIDC provider exited before it listened:\n${output}`));
    });
  });
}
