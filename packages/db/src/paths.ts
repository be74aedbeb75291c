import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits directly in src/ (tests) or dist/ (built), so the package root is one level up either way.
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const defaultMigrationsDir = join(packageRoot, 'prisma', 'migrations');
export const defaultSchemaPath = join(packageRoot, 'prisma', 'schema.prisma');

/**
 * The embedded database lives at the monorepo root so every app (API, worker, CLI) started from
 * anywhere in the repo shares one data folder. Outside the monorepo, fall back to the working directory.
 */
export function defaultPgliteDataDir(): string {
  return join(findRepoRoot() ?? process.cwd(), '.data', 'pglite');
}

function findRepoRoot(): string | undefined {
  let dir = packageRoot;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
