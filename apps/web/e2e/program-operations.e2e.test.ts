import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { expectAccessible } from './support/axe';
import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn } from './support/session';

const webUrl = inject('webUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
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

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// A program manager runs an ISO program from the browser: creates it on top of an existing 27001 certificate, and
// on a program at the gap assessment tries to schedule Stage 1 before the internal audit and sees why it is refused.
describe('program operations in the browser', () => {
  const certifiedName = `AIMS on the ISMS certificate ${Date.now().toString(36)}`;
  const freshName = `ISMS from scratch ${Date.now().toString(36)}`;

  it('signs the program manager in', async () => {
    await page.goto(webUrl);
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page, 'the sign-in page');
    await signIn(page, account('program_manager'));
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await expectAccessible(page, 'the programs list');
  });

  it('creates an ISO/IEC 42001 + 27001 program from an existing 27001 certificate', async () => {
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();
    await page.getByRole('textbox', { name: 'Program name' }).fill(certifiedName);
    const frameworks = page.getByRole('group', { name: 'Frameworks' });
    await frameworks.getByRole('checkbox', { name: /ISO\/IEC 27001/ }).check();
    await frameworks.getByRole('checkbox', { name: /ISO\/IEC 42001/ }).check();
    await page.getByRole('textbox', { name: 'Program manager email' }).fill('pm@acme.example');
    await page.getByRole('group', { name: 'Existing certificate' }).getByRole('checkbox').check();
    await page.getByRole('textbox', { name: 'Certificate number' }).fill('ISMS-2025-0042');
    await page
      .getByRole('group', { name: 'Standards on the certificate (optional)' })
      .getByRole('checkbox', { name: 'ISO/IEC 27001' })
      .check();
    await page.getByLabel('Certification decision of the current cycle').fill(inDays(-200));
    await page.getByLabel('Expiry date').fill(inDays(-200 + 3 * 365 - 2));
    await page.getByRole('spinbutton', { name: 'Persons in scope' }).fill('120');
    await page.getByRole('spinbutton', { name: 'Persons in AI processes' }).fill('15');
    await page
      .getByRole('group', { name: 'AI roles of the organisation' })
      .getByRole('checkbox', { name: 'Developer' })
      .check();
    await page.getByRole('textbox', { name: /Currency/ }).fill('EUR');
    await page.getByRole('spinbutton', { name: /Day rate/ }).fill('1400');
    await expectAccessible(page, 'the create form with an existing certificate');

    // The API's own rule, checked in the browser: a certificate needs the certification body that issued it.
    await page.getByRole('button', { name: 'Create program' }).click();
    const body = page.getByRole('textbox', { name: 'Certification body (optional)' });
    await page.getByText('name the certification body that issued the certificate').waitFor();
    expect(await fieldError(body)).toBe('name the certification body that issued the certificate');
    await page.screenshot({ path: join(resultsDir, 'program-create-certificate-error.png'), fullPage: true });
    await body.fill('Example Certification Body');
    await page.getByRole('button', { name: 'Create program' }).click();

    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: certifiedName }).waitFor();
    const stage = page.getByRole('region', { name: 'Current stage' });
    await stage.getByText(/^Live from the workflow/).waitFor({ timeout: 60_000 });
    await stage.getByText('First surveillance', { exact: true }).waitFor();
    const certificate = page.getByRole('region', { name: 'Certificate' });
    await certificate.getByText('ISMS-2025-0042').waitFor({ timeout: 30_000 });
    await certificate.getByText('Valid', { exact: true }).waitFor();
    // The added standard gets its own Stage 1 and Stage 2 on the timeline.
    await page.getByRole('region', { name: 'Timeline' }).getByText('Stage 1 of the added standard').waitFor();
    await expectAccessible(page, 'the program page of a certified program');
    await page.screenshot({ path: join(resultsDir, 'program-from-certificate.png'), fullPage: true });
  });

  it('shows why Stage 1 cannot be scheduled before the internal audit', async () => {
    await page.getByRole('link', { name: 'All programs' }).click();
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('textbox', { name: 'Program name' }).fill(freshName);
    await page
      .getByRole('group', { name: 'Frameworks' })
      .getByRole('checkbox', { name: /ISO\/IEC 27001/ })
      .check();
    await page.getByRole('textbox', { name: 'Program manager email' }).fill('pm@acme.example');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page
      .getByRole('region', { name: 'Current stage' })
      .getByText(/^Live from the workflow/)
      .waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'the program page at the gap assessment');

    const actions = page.getByRole('region', { name: 'Actions' });
    await actions
      .getByRole('combobox', { name: 'Action' })
      .selectOption({ label: 'Complete gap assessment' });
    const gap = actions.getByRole('form', { name: 'Complete gap assessment' });
    await gap.getByLabel('Completed on').fill(today());
    await gap.getByRole('button', { name: 'Add gap' }).click();
    await gap.getByRole('textbox', { name: 'Title' }).fill('Document the access control policy');
    await gap.getByRole('textbox', { name: 'Owner email' }).fill('owner@demo.certflow.example');
    await gap.getByLabel('Due date').fill(inDays(30));
    await gap.getByRole('button', { name: 'Complete gap assessment' }).click();
    await gap.getByText('Complete gap assessment: done.').waitFor();
    await page
      .getByRole('region', { name: 'Current stage' })
      .getByText('Remediation', { exact: true })
      .waitFor();
    await page
      .getByRole('region', { name: 'Open tasks' })
      .getByText('Document the access control policy')
      .waitFor();

    await actions.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Schedule audit' });
    const schedule = actions.getByRole('form', { name: 'Schedule audit' });
    const audit = schedule.getByRole('combobox', { name: 'Audit' });
    await audit.selectOption({ label: 'Stage 1 audit' });
    await schedule.getByLabel('Date').fill(inDays(45));
    await schedule.getByRole('button', { name: 'Schedule audit' }).click();
    const message = 'Stage 1 needs the internal audit and the management review to be completed first.';
    await schedule.getByText(message).waitFor();
    expect(await fieldError(audit)).toBe(message);
    expect(await audit.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the refused Stage 1');
    await page.screenshot({ path: join(resultsDir, 'stage1-refused.png'), fullPage: true });

    // The page links the workflow in the Temporal web UI for people who operate programs.
    const link = page.getByRole('link', { name: /Workflow in Temporal/ });
    expect(await link.getAttribute('href')).toMatch(/\/namespaces\/default\/workflows\/program%3A/);
  });
});
