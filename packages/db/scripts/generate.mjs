// Generates the Prisma client into src/generated/prisma, offline and safely under parallel turbo tasks.
//
// Offline: the Prisma CLI insists on a schema-engine binary and tries to download one when none is
// configured. Generating a client never runs it, so any existing file satisfies the check; an explicit
// PRISMA_SCHEMA_ENGINE_BINARY from the caller wins.
//
// Parallel: build, typecheck, lint and test all start with this script and turbo may run them at once,
// so a lock keeps one writer at a time and a stamp skips the work when the schema has not changed.
// Pass --force to regenerate regardless.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(packageDir, 'package.json'));
const prismaCli = require.resolve('prisma/build/index.js');
const prismaVersion = JSON.parse(readFileSync(require.resolve('prisma/package.json'), 'utf8')).version;

const generatedDir = join(packageDir, 'src', 'generated');
const stampPath = join(generatedDir, '.stamp');
const lockDir = join(packageDir, 'node_modules', '.cache', 'certflow-db-generate.lock');
const force = process.argv.includes('--force');

const stamp = createHash('sha256')
  .update(prismaVersion)
  .update(readFileSync(join(packageDir, 'prisma', 'schema.prisma')))
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex');

acquireLock();
let status = 0;
try {
  const upToDate =
    existsSync(join(generatedDir, 'prisma', 'client.ts')) &&
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === stamp;
  if (force || !upToDate) {
    rmSync(stampPath, { force: true });
    const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
      cwd: packageDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
    });
    status = result.status ?? 1;
    if (status === 0) writeFileSync(stampPath, stamp);
  }
} finally {
  rmSync(lockDir, { recursive: true, force: true });
}
process.exit(status);

function acquireLock() {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    // A lock older than two minutes belongs to a process that died mid-generate.
    try {
      if (Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // Removed by its owner in the meantime.
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${lockDir}; remove it if no generate is running.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}
