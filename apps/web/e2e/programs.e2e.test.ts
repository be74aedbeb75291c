import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn } from './support/session';

const webUrl = inject('webUrl');
let browser: Browser;
let page: Page;
/** Every request the page sent to the API, to prove what did (and did not) reach it. */
const apiRequests: string[] = [];
const idempotencyKeys: (string | undefined)[] = [];

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    apiRequests.push(`${request.method()} ${url.pathname}`);
    if (request.method() === 'POST' && /^\/api\/organizations\/[^/]+\/programs$/.test(url.pathname)) {
      idempotencyKeys.push(request.headers()['idempotency-key']);
    }
  });
});

afterAll(async () => {
  await browser?.close();
});

/** The text of the error that a field's aria-describedby points at (the one next to the field). */
async function fieldError(field: Locator): Promise<string | null> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((el) => el?.id.endsWith('-error'));
    return error?.textContent ?? null;
  });
}

// The tests run in order and share one browser page: each picks up where the previous one left off,
// the way one person would use the app.
describe('certification programs in the browser', () => {
  const programName = `ISMS + AIMS ${Date.now().toString(36)}`;

  const isProgramPost = (r: string) => /^POST \/api\/organizations\/[^/]+\/programs$/.test(r);

  it('signs the program manager in on the demo organisation’s programs', async () => {
    await page.goto(webUrl);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, account('program_manager'));
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/programs$/);
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    // The first run created the demo program as this program manager.
    await page.getByRole('link', { name: 'AI management system and ISMS certification' }).waitFor();
  });

  it('shows a field error for an empty name and sends nothing to the API', async () => {
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();
    const postsBefore = apiRequests.filter(isProgramPost).length;

    await page.getByRole('button', { name: 'Create program' }).click();

    const name = page.getByRole('textbox', { name: 'Program name' });
    await page.getByText('Give the program a name').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(name)).toBe('Give the program a name');
    expect(await fieldError(page.getByRole('group', { name: 'Frameworks' }))).toBe(
      'Choose at least one framework',
    );
    expect(apiRequests.filter(isProgramPost).length).toBe(postsBefore);
    await page.screenshot({ path: join(resultsDir, 'program-form-errors.png'), fullPage: true });
  });

  it('creates an ISO 27001 + ISO 42001 program and shows its live stage from the workflow', async () => {
    await page.getByRole('textbox', { name: 'Program name' }).fill(programName);
    expect(await page.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('ISO_CERTIFICATION');
    const frameworks = page.getByRole('group', { name: 'Frameworks' });
    await frameworks.getByRole('checkbox', { name: /ISO\/IEC 27001/ }).check();
    await frameworks.getByRole('checkbox', { name: /ISO\/IEC 42001/ }).check();
    await page.getByRole('textbox', { name: 'Program manager email' }).fill('pm@acme.example');
    await page.getByRole('button', { name: 'Create program' }).click();

    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    expect(idempotencyKeys).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    await expectLiveGapAssessment(page, programName);
    await page.screenshot({ path: join(resultsDir, 'program-detail.png'), fullPage: true });
  });

  it('lists the program under its organisation with the stage the workflow recorded', async () => {
    await page.getByRole('link', { name: 'All programs' }).click();
    const row = page
      .getByRole('table', { name: 'Programs' })
      .getByRole('row')
      .filter({ hasText: programName });
    await row.waitFor();
    expect(await row.getByText('ISO/IEC 27001').count()).toBe(1);
    expect(await row.getByText('ISO/IEC 42001').count()).toBe(1);
    expect(await row.getByText('ISO certification').count()).toBe(1);
    // The list reads the projection the workflow writes to PostgreSQL a moment after it starts.
    await row.getByText('Gap assessment', { exact: true }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(resultsDir, 'program-list.png'), fullPage: true });
  });

  it('opens the program from the list', async () => {
    await page.getByRole('link', { name: programName }).click();
    await expectLiveGapAssessment(page, programName);
  });

  it('creates another organisation, whose admin the creator becomes, and switches between them', async () => {
    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByRole('textbox', { name: 'Organisation name' }).fill('Acme Assurance');
    expect(await page.getByRole('textbox', { name: 'Short name' }).inputValue()).toBe('acme-assurance');
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/programs$/);
    await page.getByText('No programs yet').waitFor();
    const switcher = page.getByRole('combobox', { name: 'Organisation' });
    expect(await switcher.locator('option:checked').textContent()).toBe('Acme Assurance');
    // As its admin, the creator sees the admin page of the new organisation.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'People and access' })
      .waitFor();
    await switcher.selectOption({ label: 'Demo Organisation' });
    await page.getByRole('link', { name: programName }).waitFor();
  });
});

async function expectLiveGapAssessment(page: Page, programName: string) {
  await page.getByRole('heading', { level: 1, name: programName }).waitFor();
  const stageCard = page.getByRole('region', { name: 'Current stage' });
  // The detail view polls the API, which queries the running workflow; wait for an answer from the workflow
  // itself rather than the database fallback.
  await stageCard.getByText(/^Live from the workflow/).waitFor({ timeout: 60_000 });
  await stageCard.getByText('Gap assessment', { exact: true }).waitFor();
  expect(await stageCard.getByText(/^Gap assessment due: /).count()).toBe(1);
  const programCard = page.getByRole('region', { name: 'Program' });
  expect(await programCard.getByText('ISO/IEC 27001').count()).toBe(1);
  expect(await programCard.getByText('ISO/IEC 42001').count()).toBe(1);
  expect(await programCard.getByText('pm@acme.example').count()).toBe(1);
}
