// What access control costs: argon2id hashing and verification, and the latency of requests through the
// access guard against the built API process and real PostgreSQL (session cookie vs API token, an admin's
// program list vs an auditor's, whose list goes through the grant filter).
//   pnpm turbo run build --filter=@certflow/api && TEST_DATABASE_URL=postgres://… pnpm --filter @certflow/bench-access bench
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { createTestDatabase } from '@certflow/db/testing';

const { hashPassword, verifyPassword } = await import('@certflow/api/dist/modules/auth/passwords.js');
const apiDir = fileURLToPath(new URL('../../../apps/api/dist/', import.meta.url));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (n=${sorted.length})`;
}

async function timeEach(n, work) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

const hash = await hashPassword('correct horse battery staple');
console.log(
  `argon2id hash   (m=19 MiB, t=2, p=1): ${stats(await timeEach(20, () => hashPassword('correct horse battery staple')))}`,
);
console.log(
  `argon2id verify (m=19 MiB, t=2, p=1): ${stats(await timeEach(20, () => verifyPassword(hash, 'correct horse battery staple')))}`,
);

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: skipping the HTTP figures.');
  process.exit(0);
}

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const db = await createTestDatabase();
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  // Nothing here needs Temporal; the connection is lazy.
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  TEMPORAL_RPC_TIMEOUT_MS: '200',
  PORT: String(port),
  SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '1000',
};
const api = spawn(process.execPath, [`${apiDir}main.js`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/me`);
      break;
    } catch {
      if (i > 200) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`${apiDir}cli/first-run.js`, 'demo', '--json'],
    { env },
  );
  const seeded = JSON.parse(stdout.trim().split('\n').at(-1));
  const origin = { Origin: 'http://localhost:5173', 'Content-Type': 'application/json' };
  const signIn = async (role) => {
    const who = seeded.accounts.find((a) => a.role === role);
    const res = await fetch(`${base}/auth/sign-in`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ email: who.email, password: who.password }),
    });
    if (!res.ok) throw new Error(`sign-in ${res.status}`);
    return res.headers.getSetCookie()[0].split(';')[0];
  };

  const signIns = await timeEach(20, () => signIn('admin'));
  console.log(`POST /auth/sign-in (argon2id + session row + audit events): ${stats(signIns)}`);
  const admin = await signIn('admin');
  const auditor = await signIn('auditor');
  const tokenRes = await fetch(`${base}/organizations/${seeded.organization.id}/api-tokens`, {
    method: 'POST',
    headers: { ...origin, Cookie: admin },
    body: JSON.stringify({ name: 'bench', role: 'executive' }),
  });
  const { secret } = await tokenRes.json();
  const get = (path, headers) => async () => {
    const res = await fetch(`${base}${path}`, { headers });
    if (!res.ok) throw new Error(`${path} ${res.status}`);
    await res.arrayBuffer();
  };
  const programs = `/organizations/${seeded.organization.id}/programs`;
  for (const [label, work] of [
    ['GET /me, session cookie', get('/me', { Cookie: admin })],
    ['GET programs, admin session', get(programs, { Cookie: admin })],
    ['GET programs, auditor session (grant filter)', get(programs, { Cookie: auditor })],
    ['GET programs, API token', get(programs, { Authorization: `Bearer ${secret}` })],
  ]) {
    await timeEach(20, work);
    console.log(`${label}: ${stats(await timeEach(300, work))}`);
  }
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await db.drop();
}
