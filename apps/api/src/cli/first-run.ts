#!/usr/bin/env node
// First run of an empty database (ADR 0010):
//   node apps/api/dist/cli/first-run.js demo [--json]
//       the demo organisation with one person per role; `npm start` runs this. Passwords are generated and
//       printed once, and kept nowhere but as argon2id hashes.
//   node apps/api/dist/cli/first-run.js admin --email you@example.com --organization "Your Company" [--slug your-company]
//       a real deployment's first organisation and admin, with a generated password printed once.
// Reads the API's environment (DATABASE_URL, TEMPORAL_ADDRESS, PUBLIC_WEB_URL …).
import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { NestFactory } from '@nestjs/core';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { FirstRunService, type Credentials } from '../modules/first-run/first-run.service.js';
import { FirstRunCliModule } from './first-run.module.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    email: { type: 'string' },
    organization: { type: 'string' },
    slug: { type: 'string' },
  },
});
const command = positionals[0] ?? 'demo';

function table(accounts: Credentials[]): string {
  const rows = [['role', 'email', 'password'], ...accounts.map((a) => [a.role, a.email, a.password])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`)
    .join('\n');
}

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

const app = await NestFactory.createApplicationContext(FirstRunCliModule, { logger: ['error', 'warn'] });
try {
  const firstRun = app.get(FirstRunService);
  const signInUrl = `${app.get<AppConfig>(APP_CONFIG).auth.publicWebUrl}/sign-in`;
  if (command === 'demo') {
    const result = await firstRun.seedDemo();
    if (values.json) {
      console.log(JSON.stringify(result));
    } else if (result.created) {
      console.log(
        [
          `First run: created the demo organisation "${result.organization.name}" (short name ${result.organization.slug}).`,
          `Sign in at ${signInUrl} with any of these accounts. The passwords are shown this once and stored`,
          'nowhere (only as argon2id hashes); invite real people from the admin page.',
          '',
          table(result.accounts),
          '',
          result.programStarted
            ? 'A demo ISO/IEC 42001 + 27001 program is running; the auditor is granted it for 90 days.'
            : 'A demo program is saved; its workflow starts once Temporal is reachable.',
        ].join('\n'),
      );
    } else {
      console.log(
        `${result.existingUsers} account(s) exist already, so no demo data was created. Sign in at ${signInUrl}; ` +
          'demo passwords were shown on the first run only (delete .data/ to start over).',
      );
    }
  } else if (command === 'admin') {
    const email = values.email?.trim().toLowerCase();
    const name = values.organization?.trim();
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !name) {
      throw new Error(
        'Usage: first-run.js admin --email you@example.com --organization "Your Company" [--slug s]',
      );
    }
    const credentials = await firstRun.createFirstAdmin({
      email,
      organization: { name, slug: values.slug ?? slugOf(name) },
    });
    console.log(
      values.json
        ? JSON.stringify(credentials)
        : `Created ${name} and its admin. Sign in at ${signInUrl} (shown this once):\n\n${table([credentials])}`,
    );
  } else {
    throw new Error(`Unknown command '${command}': use 'demo' or 'admin'.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await app.close();
}
