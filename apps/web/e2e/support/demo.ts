import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { repoRoot } from './paths';

export interface DemoAccount {
  role: 'admin' | 'program_manager' | 'control_owner' | 'executive' | 'auditor';
  email: string;
  password: string;
}

/** Runs `first-run.js demo --json` (what `npm start` runs) and returns the generated accounts. */
export async function runFirstRun(env: Record<string, string>, logFile: string): Promise<DemoAccount[]> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'apps/api/dist/cli/first-run.js'), 'demo', '--json'],
    { env: { ...process.env, ...env } },
  );
  await writeFile(logFile, `${stderr}\n(stdout withheld: it holds the generated passwords)\n`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as
    { created: true; accounts: DemoAccount[] } | { created: false };
  if (!result.created) throw new Error('the first run found existing accounts in a fresh test database');
  return result.accounts;
}
