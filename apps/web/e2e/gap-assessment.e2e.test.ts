import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { addDays, addMonths, expiryFor } from '@certflow/contracts/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { expectAccessible } from './support/axe';
import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn } from './support/session';

const webUrl = inject('webUrl');
const today = new Date().toISOString().slice(0, 10);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(resultsDir, `gap-${name}.png`), fullPage: true });

let browser: Browser;
let page: Page;
let organizationId = '';
let programId = '';
let gaps = 0;

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** One requirement of the wizard, found by its heading. */
function gapItem(heading: string): Locator {
  return page
    .getByRole('list', { name: 'Requirements of the assessment' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: heading, exact: true }) });
}

// One program manager's day, in order: the ISMS certificate is imported (through the API until the program form
// takes certificates), its implementation recorded in the app, then an ISO/IEC 42001 program is created and its
// gap assessment pre-filled from the ISMS, answered and finalised into remediation tasks.
describe('ISO/IEC 42001 on top of an ISO/IEC 27001 certificate', () => {
  it('signs the program manager in and imports the ISMS from its certificate', async () => {
    await page.goto(`${webUrl}/sign-in`);
    await signIn(page, account('program_manager'));
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/programs$/);
    organizationId = /organizations\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await expectAccessible(page, 'programs');

    const decisionDate = addMonths(today, -3);
    const response = await page.request.post(`${webUrl}/api/organizations/${organizationId}/programs`, {
      headers: { Origin: webUrl },
      data: {
        name: 'ISMS (certified)',
        kind: 'ISO_CERTIFICATION',
        frameworks: ['iso27001'],
        startDate: today,
        programManagerEmail: account('program_manager').email,
        config: { certificationBody: 'Example Certification Body' },
        existingCertificate: {
          certificateNumber: 'ISMS-2042',
          decisionDate,
          expiryDate: expiryFor(decisionDate, 3),
        },
      },
    });
    expect(response.status()).toBe(201);
  });

  it('records the ISMS implementation on the implementation page', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Implementation' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Implementation' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Framework' }).inputValue()).toBe('iso27001');
    await page.getByText('Nothing recorded for this framework yet').waitFor();
    await expectAccessible(page, 'implementation (empty)');

    await page
      .getByRole('combobox', { name: 'Status for every requirement not yet recorded' })
      .selectOption('implemented');
    await page.getByRole('button', { name: 'Apply to 123 unrecorded' }).click();
    // Logging is not in place yet.
    await page.getByRole('combobox', { name: /^Status of A\.8\.15 / }).selectOption('not_implemented');
    await page
      .getByRole('textbox', { name: /^Note on A\.8\.15 / })
      .fill('Central log collection is planned for Q2');
    await page.getByRole('button', { name: 'Save 123 changes' }).click();
    await page.getByText('Saved: 123 requirements changed.').waitFor();
    const counts = page.getByRole('list', { name: 'Recorded statuses' });
    await counts.getByText('Implemented: 122').waitFor();
    expect(await counts.getByText('Not recorded: 0').count()).toBe(1);
    await expectAccessible(page, 'implementation (recorded)');
    await shot(page, '1-implementation-iso27001');
  });

  it('creates the ISO/IEC 42001 program in the browser', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();
    await expectAccessible(page, 'new program');
    await page.getByRole('textbox', { name: 'Program name' }).fill('AI management system');
    await page
      .getByRole('group', { name: 'Frameworks' })
      .getByRole('checkbox', { name: /ISO\/IEC 42001/ })
      .check();
    await page.getByRole('textbox', { name: 'Program manager email' }).fill(account('program_manager').email);
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    programId = /programs\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page
      .getByRole('region', { name: 'Current stage' })
      .getByText('Gap assessment', { exact: true })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Open tasks' }).getByText('No open tasks.').waitFor();
    await expectAccessible(page, 'program (gap assessment)');
  });

  it('previews what carries over from the ISMS, with a heatmap, before starting', async () => {
    await page.getByRole('link', { name: 'Gap assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gap assessment: AI management system' }).waitFor();
    await page.getByText(/^Not started\./).waitFor();
    const summary = page.getByRole('list', { name: 'What carries over' });
    expect(
      await summary
        .getByRole('listitem')
        .filter({ hasText: /^Carried over/ })
        .textContent(),
    ).toBe('Carried over 2');
    const heatmap = page.getByRole('table', { name: /^What carries over, by area/ });
    await heatmap.getByRole('rowheader', { name: /^9 Performance evaluation/ }).waitFor();
    await heatmap.getByRole('rowheader', { name: /^A\.6 AI system life cycle/ }).waitFor();
    await expectAccessible(page, 'gap assessment (preview)');
    await shot(page, '2-preview');
    await page.getByRole('button', { name: 'Start the gap assessment' }).click();
    await page.getByText(/^Draft started by /).waitFor();
  });

  it('explains a partial carry-over with its chain, and takes confirmations and changes', async () => {
    const audit = gapItem('9.2.1 Internal audit: general');
    await audit.getByText('Partly carried over', { exact: true }).waitFor();
    // Keyboard: open the explanation with Enter.
    await audit.locator('summary').focus();
    await page.keyboard.press('Enter');
    await audit
      .getByText(/ISO\/IEC 27001 9\.2\.1 Internal audit: general/)
      .first()
      .waitFor();
    await audit
      .getByText(/overlaps/)
      .first()
      .waitFor();
    await audit
      .getByText(/widened to AI systems/)
      .first()
      .waitFor();
    await audit.screenshot({ path: join(resultsDir, 'gap-3-chain.png') });
    await audit.getByLabel('Task due').fill(addDays(today, 45));
    await audit.getByRole('button', { name: /^Save / }).click();
    await audit.getByText('Answered: Partly implemented').waitFor();

    const documents = gapItem('7.5.3 Control of documented information');
    await documents.getByText('Carried over', { exact: true }).waitFor();
    await documents.getByRole('button', { name: /^Confirm / }).click();
    await documents.getByText('Answered: Implemented').waitFor();

    const policy = gapItem('A.2.2 AI policy');
    await policy.getByLabel('Status').selectOption('implemented');
    await policy.getByLabel('Note').fill('AI policy approved by the board last month');
    await policy.getByRole('button', { name: /^Save / }).click();
    await policy.getByText('Answered: Implemented').waitFor();

    // Not applicable without a reason is refused next to the field; with one it is kept.
    const customers = gapItem('A.10.4 Customers');
    await customers.getByLabel('Status').selectOption('not_applicable');
    await customers.getByRole('button', { name: /^Save / }).click();
    const why = customers.getByLabel('Why it does not apply');
    await customers.getByText(/not applicable needs a justification/).waitFor();
    expect(await why.getAttribute('aria-invalid')).toBe('true');
    await why.fill('No AI product or service is offered to customers; AI is used internally only');
    await customers.getByRole('button', { name: /^Save / }).click();
    await customers.getByText('Answered: Not applicable').waitFor();
    await expectAccessible(page, 'gap assessment (draft)');
    await shot(page, '4-draft-answers');
  });

  it('accepts the remaining suggestions and finalises into remediation tasks', async () => {
    await page.getByRole('button', { name: /^Accept the suggestion for 66 unanswered shown$/ }).click();
    const summary = page.getByRole('list', { name: 'What carries over' });
    await summary.getByText('Answered 70 of 70').waitFor();
    const finalise = page.getByRole('form', { name: 'Finalise the assessment' });
    await finalise
      .getByRole('textbox', { name: 'Owner of tasks without one' })
      .fill('ai-lead@demo.certflow.example');
    await finalise.getByLabel('Due date of tasks without one').fill(addDays(today, 60));
    const button = finalise.getByRole('button', { name: /^Finalise and create \d+ tasks$/ });
    gaps = Number(/(\d+) tasks/.exec((await button.textContent()) ?? '')?.[1]);
    expect(gaps).toBeGreaterThan(40);
    await button.click();

    const created = page.getByRole('table', { name: 'Remediation tasks created' });
    await created.waitFor({ timeout: 30_000 });
    expect(await created.getByRole('row').count()).toBe(gaps + 1);
    await created
      .getByRole('row', { name: /Close the gap on ISO\/IEC 42001 9\.2\.1 Internal audit: general/ })
      .waitFor();
    await page.getByText(/^Finalised on /).waitFor();
    await expectAccessible(page, 'gap assessment (finalised)');
    await shot(page, '5-finalised');
  });

  it('shows the tasks in the workflow’s state on the program page', async () => {
    await page.getByRole('link', { name: 'Open the program to follow them.' }).click();
    await page
      .getByRole('region', { name: 'Current stage' })
      .getByText('Remediation', { exact: true })
      .waitFor({ timeout: 60_000 });
    const tasks = page.getByRole('region', { name: 'Open tasks' }).getByRole('table', { name: 'Open tasks' });
    await tasks.waitFor();
    expect(await tasks.getByRole('row').count()).toBe(gaps + 1);
    expect(
      await tasks
        .getByRole('row')
        .filter({ hasText: 'iso42001:9.2.1' })
        .getByText(addDays(today, 45).slice(0, 4), { exact: false })
        .count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page, 'program (remediation)');
    await shot(page, '6-program-tasks');
  });

  it('opens the Statement of Applicability with the tasks and exports it as CSV', async () => {
    await page.getByRole('link', { name: 'Statement of Applicability' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
    expect(page.url()).toContain(`/programs/${programId}/statement-of-applicability`);
    const annex = page.getByRole('region', { name: 'ISO/IEC 42001 Annex A' });
    const controls = annex.getByRole('table', { name: 'ISO/IEC 42001 Annex A controls' });
    expect(
      await controls
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /^A\.\d+\.\d/ }) })
        .count(),
    ).toBe(38);
    const customers = controls.getByRole('row', { name: /^A\.10\.4 Customers/ });
    await customers.getByText('No (excluded)').waitFor();
    await customers.getByText(/No AI product or service/).waitFor();
    await controls
      .getByRole('row', { name: /^A\.6\.2\.8 / })
      .getByRole('link', { name: /\(open, due / })
      .waitFor();
    // Excluding a control needs a reason, said next to the field.
    await controls.getByRole('button', { name: 'Change A.9.2' }).click();
    const form = page.getByRole('form', { name: 'Applicability of A.9.2' });
    await form.getByRole('checkbox', { name: 'Applies to this program' }).uncheck();
    await form.getByRole('button', { name: 'Save A.9.2' }).click();
    await form.getByText(/an excluded control needs a justification/).waitFor();
    expect(await form.getByLabel('Why it is excluded').getAttribute('aria-invalid')).toBe('true');
    await form
      .getByLabel('Why it is excluded')
      .fill('The AI systems in scope are used by our own staff only');
    await form.getByRole('button', { name: 'Save A.9.2' }).click();
    await form.waitFor({ state: 'detached' });
    const excluded = controls.getByRole('row', { name: /^A\.9\.2 / });
    await excluded.getByText('set on this statement').waitFor();
    await excluded.getByText('No (excluded)').waitFor();
    await expectAccessible(page, 'statement of applicability');
    await shot(page, '7-soa');

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await page.request.get(`${webUrl}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(
      /^attachment; filename="statement-of-applicability-/,
    );
    expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(1 + 38);
  });
});
