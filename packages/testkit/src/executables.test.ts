import { describe, expect, it } from 'vitest';
import { cliExecutable, testServerExecutable } from './executables.js';

describe('server executables from the environment', () => {
  it('fails with a message naming the variable and the installer when unset', () => {
    expect(() => testServerExecutable({})).toThrow(
      /TEMPORAL_TEST_SERVER_PATH is not set.*install-test-server\.sh/,
    );
    expect(() => cliExecutable({})).toThrow(/TEMPORAL_CLI_PATH is not set.*install-cli\.sh/);
  });

  it('rejects a path that is not executable', () => {
    expect(() => cliExecutable({ TEMPORAL_CLI_PATH: '/nonexistent/temporal' })).toThrow(
      /not an executable file/,
    );
  });

  it('uses an existing executable as is', () => {
    expect(cliExecutable({ TEMPORAL_CLI_PATH: process.execPath })).toEqual({
      type: 'existing-path',
      path: process.execPath,
    });
  });

  it('falls back to the SDK download only when explicitly allowed', () => {
    expect(testServerExecutable({ CERTFLOW_ALLOW_SDK_DOWNLOAD: '1' })).toEqual({ type: 'cached-download' });
  });
});
