import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn, signOut } from './support/session';

const webUrl = inject('webUrl');
let browser: Browser;

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Where each role lands after signing in: the URL ending and the page's heading. */
const homes = [
  { role: 'admin', path: /\/organizations\/[0-9a-f-]{36}\/programs$/, heading: 'Programs' },
  { role: 'program_manager', path: /\/organizations\/[0-9a-f-]{36}\/programs$/, heading: 'Programs' },
  { role: 'control_owner', path: /\/organizations\/[0-9a-f-]{36}\/my-tasks$/, heading: 'My tasks' },
  { role: 'executive', path: /\/organizations\/[0-9a-f-]{36}\/overview$/, heading: 'Overview' },
  { role: 'auditor', path: /\/organizations\/[0-9a-f-]{36}\/programs$/, heading: 'Programs shared with you' },
] as const;

describe('signing in lands each role on its own home', () => {
  it('sends someone who is not signed in to the sign-in page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${webUrl}/organizations/00000000-0000-4000-8000-000000000000/overview`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Certflow' }).waitFor();
    await page.screenshot({ path: join(resultsDir, 'sign-in.png'), fullPage: true });
    await page.close();
  });

  it('says the same thing for a wrong password as for an unknown email', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await signIn(page, { email: account('executive').email, password: 'not the password' });
    await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();
    await signIn(page, { email: 'nobody@demo.certflow.example', password: 'not the password' });
    await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();
    await page.close();
  });

  it.each(homes)('$role: signs in, lands on “$heading”, signs out', async ({ role, path, heading }) => {
    const page = await browser.context.newPage();
    await page.goto(webUrl);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, account(role));
    await page.waitForURL(path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Organisation' });
    expect(await switcher.locator('option:checked').textContent()).toBe('Demo Organisation');
    await page.screenshot({ path: join(resultsDir, `home-${role}.png`), fullPage: true });

    // What each role may open shows in the navigation, and nothing else.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(
      {
        admin: [
          'Programs',
          'My tasks',
          'Implementation',
          'Overview',
          'Schedule',
          'Cost',
          'Calculator',
          'Audit trail',
          'People and access',
        ],
        program_manager: [
          'Programs',
          'My tasks',
          'Implementation',
          'Overview',
          'Schedule',
          'Cost',
          'Calculator',
          'Audit trail',
          'People and access',
        ],
        control_owner: ['Programs', 'My tasks', 'Implementation'],
        executive: [
          'Programs',
          'My tasks',
          'Implementation',
          'Overview',
          'Schedule',
          'Cost',
          'Calculator',
          'Audit trail',
        ],
        auditor: ['Programs', 'Audit trail'],
      }[role],
    );

    await signOut(page);
    // The session is really gone: going back to a signed-in page asks for sign-in again.
    await page.goto(webUrl);
    await page.waitForURL(/\/sign-in/);
    await page.close();
  });

  it('shows the auditor only the program granted to them, and the control owner their inbox', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await signIn(page, account('auditor'));
    const table = page.getByRole('table', { name: 'Programs' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(2); // header + the granted demo program
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);
    await signOut(page);

    await signIn(page, account('control_owner'));
    // The journeys share one demo organisation: by now another may have assigned this person work.
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await page.getByRole('table', { name: 'My tasks' }).or(page.getByText('No tasks here')).waitFor();
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);
    await page.close();
  });
});
