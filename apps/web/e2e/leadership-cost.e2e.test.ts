import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { expectAccessible } from './support/axe';
import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn } from './support/session';

const webUrl = inject('webUrl');
const shots = join(resultsDir, 'leadership-cost');
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
let visitorBrowser: Browser;
let executiveBrowser: Browser;
let managerBrowser: Browser;
let visitor: Page;
let executive: Page;
let manager: Page;
let organizationId: string;
let programId: string;

async function apiSession(role: 'program_manager'): Promise<string> {
  const who = account(role);
  const res = await fetch(`${webUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { Origin: webUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function post(cookie: string, path: string, body: object): Promise<{ id: string }> {
  const res = await fetch(`${webUrl}/api${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: webUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  // A program with a budget and a first invoice, recorded by the program manager through the API.
  const cookie = await apiSession('program_manager');
  const me = (await (await fetch(`${webUrl}/api/me`, { headers: { Cookie: cookie } })).json()) as {
    memberships: { organization: { id: string } }[];
  };
  organizationId = me.memberships[0]!.organization.id;
  programId = (
    await post(cookie, `/organizations/${organizationId}/programs`, {
      name: 'ISMS certification (cost)',
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso27001'],
      startDate: today,
      programManagerEmail: account('program_manager').email,
    })
  ).id;
  const cost = `/organizations/${organizationId}/cost`;
  await post(cookie, `${cost}/budget-lines`, {
    programId,
    year,
    kind: 'certification-body',
    label: 'Stage 1 and Stage 2',
    currency: 'EUR',
    auditDays: 10,
    dayRate: 1400,
  });
  const tooling = await post(cookie, `${cost}/budget-lines`, {
    programId,
    year,
    kind: 'tooling',
    label: 'GRC platform',
    currency: 'EUR',
    amount: 4800,
  });
  await post(cookie, `${cost}/actuals`, {
    budgetLineId: tooling.id,
    incurredOn: today,
    amount: 1200.5,
    description: 'GRC platform licence',
  });
  visitorBrowser = await launchBrowser();
  executiveBrowser = await launchBrowser();
  managerBrowser = await launchBrowser();
  visitor = await visitorBrowser.context.newPage();
  executive = await executiveBrowser.context.newPage();
  manager = await managerBrowser.context.newPage();
});

afterAll(async () => {
  await visitorBrowser?.close();
  await executiveBrowser?.close();
  await managerBrowser?.close();
});

describe('the cost calculator before signing in', () => {
  it('prices a three-year cycle, separate and integrated, with the published ranges and their sources', async () => {
    await visitor.goto(`${webUrl}/sign-in`);
    await visitor
      .getByRole('navigation', { name: 'Public' })
      .getByRole('link', { name: 'Cost calculator' })
      .click();
    await visitor.getByRole('heading', { level: 1, name: 'Certification cost calculator' }).waitFor();
    const form = visitor.getByRole('form', { name: 'Cost calculator' });
    await form.getByRole('textbox', { name: 'Persons in scope' }).fill('50');
    await form.getByRole('textbox', { name: 'AI-related persons' }).fill('8');
    await form.getByRole('checkbox', { name: 'AI provider' }).uncheck();
    await form.getByRole('checkbox', { name: 'AI producer' }).check();
    await form.getByRole('textbox', { name: 'Day rate' }).fill('1000');
    await form.getByRole('button', { name: 'Calculate' }).click();
    // 24 + 12.5 days separately; 30 days integrated (IAF MD 11, 20 %): see cost-calculator.test.ts.
    await visitor.getByText('Saving 6.5 d and €6,500 over the cycle.').waitFor();
    await visitor
      .getByRole('cell', { name: /legalclarity\.org/ })
      .first()
      .waitFor();
    expect(await visitor.getByRole('form', { name: 'Create programs' }).count()).toBe(0);
    await visitor.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await expectAccessible(visitor, 'the public cost calculator');
    await visitor.screenshot({ path: join(shots, '01-public-calculator.png'), fullPage: true });
  });

  it('names the field that is wrong', async () => {
    const form = visitor.getByRole('form', { name: 'Cost calculator' });
    await form.getByRole('textbox', { name: 'Persons in scope' }).fill('0');
    await form.getByRole('button', { name: 'Calculate' }).click();
    await form.getByText('Too small: expected number to be >=1').waitFor();
  });
});

describe('an executive opens the overview and the cost page', () => {
  it('lands on the overview with readiness, what is at risk, the next 90 days and cost to date', async () => {
    await executive.goto(webUrl);
    await signIn(executive, account('executive'));
    await executive.waitForURL(/\/overview$/);
    await executive.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await executive.getByRole('heading', { name: 'Readiness per framework' }).waitFor();
    await executive.getByRole('heading', { name: 'Next 90 days' }).waitFor();
    // The journeys share the demo organisation, and audits other journeys held count as spent too: the figure is
    // checked on the cost page, per program, below.
    await executive.getByText(/€[\d,.]+ spent against/).waitFor();
    await expectAccessible(executive, 'the leadership overview');
    await executive.screenshot({ path: join(shots, '02-overview.png'), fullPage: true });
  });

  it('opens the cost page: the burn chart, per program, the budget lines, and no editing', async () => {
    await executive
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cost', exact: true })
      .click();
    await executive.getByRole('heading', { level: 1, name: 'Cost' }).waitFor();
    await executive.locator('[data-testid="burn-chart"] svg.recharts-surface').first().waitFor();
    await executive.getByRole('cell', { name: 'GRC platform', exact: true }).waitFor();
    await executive.getByRole('cell', { name: 'GRC platform licence' }).waitFor();
    expect(await executive.getByRole('form', { name: 'Add a budget line' }).count()).toBe(0);
    expect(await executive.getByRole('form', { name: 'Record an actual cost' }).count()).toBe(0);
    await expectAccessible(executive, 'the cost page');
    await executive.screenshot({ path: join(shots, '03-cost.png'), fullPage: true });
  });
});

describe('a program manager edits the budget and records a cost', () => {
  it('adds a consultants line and records an invoice against it', async () => {
    await manager.goto(webUrl);
    await signIn(manager, account('program_manager'));
    await manager.waitForURL(/\/programs$/);
    await manager.goto(`${webUrl}/organizations/${organizationId}/cost`);
    const add = manager.getByRole('form', { name: 'Add a budget line' });
    await add.getByRole('combobox', { name: 'Program' }).selectOption(programId);
    await add.getByRole('combobox', { name: 'Kind' }).selectOption('consultants');
    await add.getByRole('textbox', { name: 'Label' }).fill('Readiness consultant');
    await add.getByRole('textbox', { name: 'Amount' }).fill('abc');
    await add.getByRole('button', { name: 'Add budget line' }).click();
    await add.getByText(/expected number/i).waitFor();
    await add.getByRole('textbox', { name: 'Amount' }).fill('9000');
    await add.getByRole('button', { name: 'Add budget line' }).click();
    await manager.getByRole('cell', { name: 'Readiness consultant', exact: true }).waitFor();

    const record = manager.getByRole('form', { name: 'Record an actual cost' });
    await record
      .getByRole('combobox', { name: 'Budget line' })
      .selectOption({ label: `ISMS certification (cost) · ${year} · Readiness consultant` });
    await record.getByRole('textbox', { name: 'Amount spent' }).fill('2500');
    await record.getByRole('textbox', { name: 'Description' }).fill('Gap assessment workshop');
    await record.getByRole('button', { name: 'Record cost' }).click();
    await manager.getByRole('cell', { name: 'Gap assessment workshop', exact: true }).waitFor();
    await manager.getByText('€3,700.50').filter({ visible: true }).first().waitFor();
    await expectAccessible(manager, 'the cost page with editing');
    await manager.screenshot({ path: join(shots, '04-cost-editing.png'), fullPage: true });
  });
});
