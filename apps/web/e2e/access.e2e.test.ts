import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, type Browser } from './support/browser';
import { invitationLinkFor } from './support/mailbox';
import { resultsDir } from './support/paths';
import { account, signIn, signOut } from './support/session';
import { IDP_CLIENT, IDP_OWNER } from './support/stack';

const webUrl = inject('webUrl');
let admin: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(resultsDir, { recursive: true });
  admin = await launchBrowser();
  page = await admin.context.newPage();
  await page.goto(`${webUrl}/sign-in`);
  await signIn(page, account('admin'));
  await page.waitForURL(/\/programs$/);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People and access' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'People and access' }).waitFor();
});

afterAll(async () => {
  await admin?.close();
});

// The admin's page, driven in one browser; invitees and SSO users get browsers of their own.
describe('people and access in the browser', () => {
  const invitee = `new.owner.${Date.now().toString(36)}@demo.certflow.example`;

  it('lists the members with their roles', async () => {
    const members = page.getByRole('table', { name: 'Members' });
    await members
      .getByRole('row')
      .filter({ hasText: account('auditor').email })
      .waitFor();
    expect(
      await members.getByRole('combobox', { name: `Role of ${account('auditor').email}` }).inputValue(),
    ).toBe('auditor');
  });

  it('invites someone by email; they choose a password through the link and land on their home', async () => {
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Email' }).fill(invitee);
    await form.getByRole('combobox', { name: 'Role' }).selectOption('control_owner');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${invitee}.`).waitFor();
    await page
      .getByRole('table', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: invitee })
      .waitFor();

    const link = await invitationLinkFor(inject('mailboxUrl'), invitee);
    expect(link.startsWith(`${webUrl}/invitation#token=`)).toBe(true);
    const newcomer = await launchBrowser();
    try {
      const invitePage = await newcomer.context.newPage();
      await invitePage.goto(link);
      await invitePage
        .getByRole('heading', { level: 1, name: 'Join Demo Organisation on Certflow' })
        .waitFor();
      await invitePage.getByRole('textbox', { name: 'Your name' }).fill('Nora Newcomer');
      await invitePage.getByLabel('Choose a password').fill('short');
      await invitePage.getByLabel('Repeat the password').fill('short');
      await invitePage.getByRole('button', { name: 'Join Demo Organisation' }).click();
      await invitePage.getByText('Use at least 12 characters').waitFor();
      await invitePage.getByLabel('Choose a password').fill('a long and memorable passphrase');
      await invitePage.getByLabel('Repeat the password').fill('a long and memorable passphrase');
      await invitePage.getByRole('button', { name: 'Join Demo Organisation' }).click();
      await invitePage.waitForURL(/\/my-tasks$/);
      await invitePage.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      await invitePage.screenshot({ path: join(resultsDir, 'invitation-accepted.png'), fullPage: true });
    } finally {
      await newcomer.close();
    }
  });

  it('creates an API token and shows its secret exactly once', async () => {
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByRole('textbox', { name: 'Token name' }).fill('reporting export');
    await form.getByRole('combobox', { name: 'Acts as' }).selectOption('executive');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('New token secret').textContent();
    expect(secret).toMatch(/^cft_[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: join(resultsDir, 'api-token-created.png'), fullPage: true });
    const row = page
      .getByRole('table', { name: 'API tokens' })
      .getByRole('row')
      .filter({ hasText: 'reporting export' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(secret);

    const check = await fetch(`${inject('apiUrl')}/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(check.status).toBe(200);
    await row.getByRole('button', { name: 'Revoke the token reporting export' }).click();
    await row.getByText('revoked').waitFor();
    const refused = await fetch(`${inject('apiUrl')}/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
  });

  it('sets up single sign-on, and a member signs in through the identity provider', async () => {
    const form = page.getByRole('form', { name: 'Single sign-on settings' });
    await form.getByRole('textbox', { name: 'Issuer URL' }).fill(inject('issuer'));
    await form.getByRole('textbox', { name: 'Client ID' }).fill(IDP_CLIENT.clientId);
    await form.getByLabel('Client secret').fill(IDP_CLIENT.clientSecret);
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('Single sign-on saved.').waitFor();
    await page.screenshot({ path: join(resultsDir, 'admin-page.png'), fullPage: true });

    const owner = await launchBrowser();
    try {
      const ssoPage = await owner.context.newPage();
      await ssoPage.goto(`${webUrl}/sign-in`);
      const sso = ssoPage.getByRole('form', { name: 'Single sign-on' });
      await sso.getByRole('textbox', { name: 'Organisation short name' }).fill('demo');
      await sso.getByRole('button', { name: 'Continue with SSO' }).click();
      // The identity provider's own page, in its own process.
      await ssoPage.getByRole('heading', { name: 'Test identity provider' }).waitFor();
      expect(ssoPage.url().startsWith(inject('issuer'))).toBe(true);
      await ssoPage.getByLabel('Email').fill(IDP_OWNER.email);
      await ssoPage.getByLabel('Password').fill(IDP_OWNER.password);
      await ssoPage.getByRole('button', { name: 'Sign in to the identity provider' }).click();
      await ssoPage.waitForURL(/\/my-tasks$/);
      await ssoPage.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      await ssoPage.screenshot({ path: join(resultsDir, 'sso-signed-in.png'), fullPage: true });
      await signOut(ssoPage);
    } finally {
      await owner.close();
    }
  });

  it('shows the sign-ins of members among the organisation’s security events', async () => {
    await page.reload();
    await page
      .getByRole('list', { name: 'Security events' })
      .getByText(`auth.signed-in · ${invitee}`)
      .first()
      .waitFor();
  });

  it('tells a person whose session ended so, instead of showing errors', async () => {
    // Two devices: each browser has its own cookies.
    const laptop = await launchBrowser();
    const phone = await launchBrowser();
    try {
      const first = await laptop.context.newPage();
      await first.goto(`${webUrl}/sign-in`);
      await signIn(first, { email: invitee, password: 'a long and memorable passphrase' });
      await first.waitForURL(/\/my-tasks$/);
      const second = await phone.context.newPage();
      await second.goto(`${webUrl}/sign-in`);
      await signIn(second, { email: invitee, password: 'a long and memorable passphrase' });
      await second.waitForURL(/\/my-tasks$/);
      await second.getByRole('button', { name: 'Sign out everywhere' }).click();
      await second.waitForURL(/\/sign-in$/);

      // The first tab's next request finds its session gone.
      await first.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
      await first.getByRole('heading', { level: 1, name: 'Your session has ended' }).waitFor();
      await first.screenshot({ path: join(resultsDir, 'session-ended.png'), fullPage: true });
    } finally {
      await laptop.close();
      await phone.close();
    }
  });
});
