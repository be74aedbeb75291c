import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import { expectAccessible } from './support/axe';
import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn } from './support/session';

const webUrl = inject('webUrl');
const shots = join(resultsDir, 'tasks');
let ownerBrowser: Browser;
let managerBrowser: Browser;
let owner: Page;
let manager: Page;
let organizationId: string;
let taskId: string;
const taskTitle = 'Corrective action (minor): Access reviews are not documented';

/** Signs a person in through the API (as the web app does) and returns the session cookie. */
async function apiSession(role: 'program_manager' | 'control_owner'): Promise<string> {
  const who = account(role);
  const res = await fetch(`${webUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { Origin: webUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  // A program started from the ISO/IEC 27001 certificate the organisation holds, with an open finding of its
  // last audit whose corrective action belongs to the control owner: the workflow creates the task.
  const cookie = await apiSession('program_manager');
  const me = (await (await fetch(`${webUrl}/api/me`, { headers: { Cookie: cookie } })).json()) as {
    memberships: { organization: { id: string } }[];
  };
  organizationId = me.memberships[0]!.organization.id;
  const created = await fetch(`${webUrl}/api/organizations/${organizationId}/programs`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: webUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'ISMS surveillance',
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso27001'],
      startDate: new Date().toISOString().slice(0, 10),
      programManagerEmail: account('program_manager').email,
      config: { certificationBody: 'Example CB' },
      existingCertificate: {
        certificateNumber: 'ISMS-2026-17',
        decisionDate: '2026-03-10',
        expiryDate: '2029-03-09',
        openFindings: [
          {
            severity: 'MINOR',
            description: 'Access reviews are not documented',
            requirementIds: ['iso27001:A.5.18'],
            raisedOn: '2026-03-01',
            ownerEmail: account('control_owner').email,
          },
        ],
      },
    }),
  });
  expect(created.status).toBe(201);
  const program = (await created.json()) as { id: string };
  const ownerCookie = await apiSession('control_owner');
  taskId = await eventually(
    'the workflow to create the corrective-action task and the read model to show it',
    async () => {
      const res = await fetch(
        `${webUrl}/api/organizations/${organizationId}/my-tasks?programId=${program.id}`,
        {
          headers: { Cookie: ownerCookie },
        },
      );
      const body = (await res.json()) as { items: { id: string; title: string }[] };
      return body.items.find((t) => t.title === taskTitle)?.id;
    },
  );
  ownerBrowser = await launchBrowser();
  managerBrowser = await launchBrowser();
  owner = await ownerBrowser.context.newPage();
  manager = await managerBrowser.context.newPage();
});

afterAll(async () => {
  await ownerBrowser?.close();
  await managerBrowser?.close();
});

describe('a control owner works a task with evidence while the program manager watches', () => {
  it('shows the task in the control owner’s inbox, soonest due first', async () => {
    await owner.goto(webUrl);
    await signIn(owner, account('control_owner'));
    await owner.waitForURL(/\/my-tasks$/);
    await owner.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await owner.getByRole('link', { name: taskTitle }).waitFor();
    await expectAccessible(owner, 'my tasks');
    await owner.screenshot({ path: join(shots, '01-my-tasks.png'), fullPage: true });
  });

  it('opens the task with its requirement and the requirements it serves in other frameworks', async () => {
    await owner.getByRole('link', { name: taskTitle }).click();
    await owner.waitForURL(new RegExp(`/tasks/${taskId}$`));
    await owner.getByRole('heading', { level: 1, name: taskTitle }).waitFor();
    await owner.getByText('iso27001:A.5.18').first().waitFor();
    await expectAccessible(owner, 'the task page');
    await owner.screenshot({ path: join(shots, '02-task.png'), fullPage: true });
  });

  it('uploads evidence with progress, and the program manager’s open page shows it without a reload', async () => {
    await manager.goto(webUrl);
    await signIn(manager, account('program_manager'));
    await manager.waitForURL(/\/programs$/);
    await manager.goto(`${webUrl}/tasks/${taskId}`);
    await manager.getByRole('heading', { level: 1, name: taskTitle }).waitFor();
    await manager.getByText('No evidence yet.').waitFor();
    const navigations: string[] = [];
    manager.on('framenavigated', (frame) => navigations.push(frame.url()));

    const form = owner.getByRole('form', { name: 'Upload evidence' });
    await form.getByLabel('Title').fill('Access review, Q3');
    await form.getByLabel('File').setInputFiles({
      name: 'access-review-q3.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await form.getByRole('button', { name: 'Upload' }).click();
    await form.getByRole('status').filter({ hasText: 'Uploaded' }).waitFor();
    await owner.getByRole('link', { name: 'Access review, Q3' }).waitFor();
    await expectAccessible(owner, 'the task page after the upload');
    await owner.screenshot({ path: join(shots, '03-evidence-uploaded.png'), fullPage: true });

    // Live: the evidence appears in the other browser, which never navigated.
    await manager.getByRole('link', { name: 'Access review, Q3' }).waitFor();
    expect(navigations).toEqual([]);
    await expectAccessible(manager, 'the program manager’s task page');
    await manager.screenshot({ path: join(shots, '04-manager-sees-evidence-live.png'), fullPage: true });
  });

  it('completes the task through the workflow, and the program manager sees it done without a reload', async () => {
    const navigations: string[] = [];
    manager.on('framenavigated', (frame) => navigations.push(frame.url()));
    const form = owner.getByRole('form', { name: 'Complete the task' });
    await form.getByRole('button', { name: 'Complete task with 1 piece of evidence' }).click();
    // The workflow accepted it, the read model followed, and the page now shows the task as done.
    await owner.getByText('Done', { exact: true }).first().waitFor();
    await expect(owner.getByRole('form', { name: 'Complete the task' }).count()).resolves.toBe(0);
    await owner.screenshot({ path: join(shots, '05-completed.png'), fullPage: true });

    await manager.getByText('Done', { exact: true }).first().waitFor();
    expect(navigations).toEqual([]);
    await expectAccessible(manager, 'the completed task');
    await manager.screenshot({ path: join(shots, '06-manager-sees-completion-live.png'), fullPage: true });

    await owner.goto(`${webUrl}/organizations/${organizationId}/my-tasks`);
    await owner.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await owner.getByText('No tasks here').waitFor();
    await owner.getByLabel('Status').selectOption('DONE');
    await owner.getByRole('link', { name: taskTitle }).waitFor();
    await expectAccessible(owner, 'my tasks, done');
  });

  it('lists the upload in the audit trail with filters and offers the CSV', async () => {
    await manager.goto(`${webUrl}/organizations/${organizationId}/audit-trail`);
    await manager.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await manager.getByLabel('Event', { exact: true }).selectOption('evidence.uploaded');
    await manager.getByRole('cell', { name: 'evidence.uploaded' }).first().waitFor();
    const csv = await manager.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csv).toContain('type=evidence.uploaded');
    await expectAccessible(manager, 'the audit trail');
    await manager.screenshot({ path: join(shots, '07-audit-trail.png'), fullPage: true });
  });
});
