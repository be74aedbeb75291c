import { accessSync, constants } from 'node:fs';
import type { EphemeralServerExecutable } from '@temporalio/testing';

type Env = Record<string, string | undefined>;

/**
 * The SDK's own default downloads binaries from the internet, which our machines cannot reach; so the path
 * comes from the environment (set by scripts/test.sh), and downloading is an explicit opt-in.
 */
export function serverExecutable(
  variable: string,
  what: string,
  installer: string,
  env: Env = process.env,
): EphemeralServerExecutable {
  const path = env[variable];
  if (path) {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      throw new Error(
        `${variable}=${path} is not an executable file: run \`bash ${installer}\` and point ${variable} at what it prints.`,
      );
    }
    return { type: 'existing-path', path };
  }
  if (env.CERTFLOW_ALLOW_SDK_DOWNLOAD === '1') {
    return { type: 'cached-download' };
  }
  throw new Error(
    `${variable} is not set: it must point at ${what}. Run tests through \`npm test\` (scripts/test.sh sets it), ` +
      `or run \`bash ${installer}\` and export ${variable}=<printed path>; ` +
      'on a machine with internet access CERTFLOW_ALLOW_SDK_DOWNLOAD=1 lets the SDK download it instead.',
  );
}

export const testServerExecutable = (env?: Env) =>
  serverExecutable(
    'TEMPORAL_TEST_SERVER_PATH',
    "Temporal's time-skipping test server",
    'infra/temporal/install-test-server.sh',
    env,
  );

export const cliExecutable = (env?: Env) =>
  serverExecutable(
    'TEMPORAL_CLI_PATH',
    'the Temporal CLI (dev server)',
    'infra/temporal/install-cli.sh',
    env,
  );
