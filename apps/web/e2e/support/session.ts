import type { Page } from 'playwright-core';
import { inject } from 'vitest';

import type { DemoAccount } from './demo';

export function account(role: DemoAccount['role']): DemoAccount {
  const found = inject('accounts').find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

/** Fills in the sign-in page the way a person does. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in with email and password' });
  await form.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: 'Account' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Certflow' }).waitFor();
}
