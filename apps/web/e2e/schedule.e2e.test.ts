import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { expectAccessible } from './support/axe';
import { launchBrowser, type Browser } from './support/browser';
import { resultsDir } from './support/paths';
import { account, signIn, signOut } from './support/session';

const webUrl = inject('webUrl');
const shots = join(resultsDir, 'schedule');
let browser: Browser;
let page: Page;
let organizationId: string;
/** The day of the combined audit the program manager accepts. */
let acceptedDate: string;
const run = Date.now().toString(36);
// Certification bodies of this file only, so programs other files create never pair with these.
const body = `Northwind Certification ${run}`;
const otherBody = `Southwind Certification ${run}`;

const day = (offset: number, from = new Date()) =>
  new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
function mondayFrom(date: string): string {
  let d = date;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = day(1, new Date(`${d}T00:00:00Z`));
  return d;
}

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

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  const cookie = await apiSession('program_manager');
  const post = (path: string, payload: object) =>
    fetch(`${webUrl}/api${path}`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: webUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const me = (await (await fetch(`${webUrl}/api/me`, { headers: { Cookie: cookie } })).json()) as {
    memberships: { organization: { id: string } }[];
  };
  organizationId = me.memberships[0]!.organization.id;
  const today = day(0);
  const create = async (
    name: string,
    framework: string,
    cb: string,
    decisionDate: string,
    expiryDate: string,
    held: object[] = [],
  ) => {
    const res = await post(`/organizations/${organizationId}/programs`, {
      name,
      kind: 'ISO_CERTIFICATION',
      frameworks: [framework],
      startDate: today,
      programManagerEmail: account('program_manager').email,
      config: { certificationBody: cb },
      settings: {
        personsInScope: 80,
        aiPersonsInScope: 6,
        aiRoles: ['provider'],
        terms: { currency: 'EUR', dayRate: 1500 },
      },
      existingCertificate: {
        certificateNumber: `${name}-1`,
        decisionDate,
        expiryDate,
        surveillanceAudits: held,
      },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  // ISO/IEC 27001 in year three (both surveillance audits held) and ISO/IEC 42001 due for surveillance 1, both with
  // the same body; a subsidiary's audit with another body lands in the recertification's week.
  const expiry = day(200);
  const start = day(1, new Date(`${addYears(expiry, -3)}T00:00:00Z`));
  const isms = await create(`ISMS ${run}`, 'iso27001', body, start, expiry, [
    { audit: 'surveillance1', lastDay: day(330, new Date(`${start}T00:00:00Z`)) },
    { audit: 'surveillance2', lastDay: day(690, new Date(`${start}T00:00:00Z`)) },
  ]);
  const aimsDecision = day(-300);
  await create(
    `AIMS ${run}`,
    'iso42001',
    body,
    aimsDecision,
    day(-1, new Date(`${addYears(aimsDecision, 3)}T00:00:00Z`)),
  );
  const subDecision = day(-180);
  const subsidiary = await create(
    `Subsidiary ${run}`,
    'iso27001',
    otherBody,
    subDecision,
    day(-1, new Date(`${addYears(subDecision, 3)}T00:00:00Z`)),
  );
  const monday = mondayFrom(day(90));
  await eventually(async () => {
    const a = await post(`/programs/${isms}/actions/schedule-audit`, {
      audit: 'recertification',
      date: monday,
    });
    const b = await post(`/programs/${subsidiary}/actions/schedule-audit`, {
      audit: 'surveillance1',
      date: day(2, new Date(`${monday}T00:00:00Z`)),
    });
    return a.ok && b.ok ? true : undefined;
  }, 'the workflows to schedule the two audits');
  await eventually(async () => {
    const res = await fetch(`${webUrl}/api/organizations/${organizationId}/schedule/combined`, {
      headers: { Cookie: cookie },
    });
    const schedule = (await res.json()) as {
      conflicts: { reason: string }[];
      suggestions: { certificationBody: string }[];
    };
    const clash = schedule.conflicts.some((c) => c.reason.includes(`Subsidiary ${run}`));
    return clash && schedule.suggestions.some((s) => s.certificationBody === body) ? true : undefined;
  }, 'the read model to show the clash and the suggestion');
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

// The leadership journey. Executives change nothing (issue 9), so the program manager accepts the
// suggestion the executive found; the executive then sees the combined audit and goes on to the cost page.
describe('an executive opens the overview, the schedule (a conflict, a suggestion, accepted), and the cost page', () => {
  it('shows the executive a conflict and a suggestion they may not accept', async () => {
    await page.goto(webUrl);
    await signIn(page, account('executive'));
    await page.waitForURL(/\/overview$/);
    await page.getByRole('heading', { name: 'Readiness per framework' }).waitFor();
    await expectAccessible(page, 'the overview');
    await page.screenshot({ path: join(shots, '00-executive-overview.png'), fullPage: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    const conflicts = page.getByRole('list', { name: 'Conflicts' });
    await conflicts.getByText(`Subsidiary ${run}`).waitFor();
    const suggestion = page
      .getByRole('list', { name: 'Suggestions' })
      .getByRole('listitem')
      .filter({ hasText: body });
    await suggestion.getByText('Only admins and program managers can accept it.').waitFor();
    await expect(suggestion.getByRole('button').count()).resolves.toBe(0);
    // The timeline drew the clash and the pair that can be combined in their colours.
    await page.locator('[data-testid="schedule-timeline"] .bar-wrapper.cf-conflict').first().waitFor();
    await page.locator('[data-testid="schedule-timeline"] .bar-wrapper.cf-suggested').first().waitFor();
    await page.getByRole('cell', { name: 'Repealed, never effective' }).first().waitFor();
    await expectAccessible(page, 'the schedule');
    await page.screenshot({ path: join(shots, '01-executive-schedule.png'), fullPage: true });
  });

  it('lets the executive try a later date for surveillance 1 and see the rule that would refuse it', async () => {
    const form = page.getByRole('form', { name: 'What if' });
    const audit = form.getByLabel('Audit');
    const value = await audit
      .locator('option', { hasText: `AIMS ${run}: surveillance1` })
      .getAttribute('value');
    await audit.selectOption(value);
    await form.getByLabel('New date').fill(day(400));
    await form.getByRole('button', { name: 'Show what-if' }).click();
    const result = page.getByRole('status', { name: 'What-if result' });
    await result.getByText('surveillance1-due').first().waitFor();
    await result.getByText(/Misses its deadline/).waitFor();
    await expect(page.getByRole('button', { name: /^Confirm/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'the what-if result');
    await page.screenshot({ path: join(shots, '02-executive-what-if.png'), fullPage: true });
    await signOut(page);
  });

  it('lets the program manager accept the suggestion, and both workflows schedule the combined audit', async () => {
    await signIn(page, account('program_manager'));
    await page.waitForURL(/\/programs$/);
    await page.goto(`${webUrl}/organizations/${organizationId}/schedule`);
    const suggestion = page
      .getByRole('list', { name: 'Suggestions' })
      .getByRole('listitem')
      .filter({ hasText: body });
    const accept = suggestion.getByRole('button', { name: /^Accept combined audit on/ });
    const date = (await accept.textContent())!.replace(/^.*on /, '').trim();
    acceptedDate = date;
    await expectAccessible(page, 'the schedule for a program manager');
    await page.screenshot({ path: join(shots, '03-manager-before-accepting.png'), fullPage: true });
    await accept.click();
    // The workflows accepted, the read model followed, and the live feed refreshed the page: the pair is gone.
    await page
      .getByRole('list', { name: 'Suggestions' })
      .getByRole('listitem')
      .filter({ hasText: body })
      .waitFor({ state: 'detached' });
    const rows = page.getByRole('row').filter({ hasText: `${date} (scheduled)` });
    await rows.filter({ hasText: `ISMS ${run}` }).waitFor();
    await rows.filter({ hasText: `AIMS ${run}` }).waitFor();
    await expectAccessible(page, 'the schedule after accepting');
    await page.screenshot({ path: join(shots, '04-manager-accepted.png'), fullPage: true });
  });

  it('gives the program manager a calendar link that serves an iCalendar file', async () => {
    const card = page.getByRole('region', { name: 'Calendar feed' });
    await card.getByRole('button', { name: /Create link|Rotate link/ }).click();
    const url = await card.getByLabel('Feed URL (shown once)').inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(url.replace(/^https?:\/\/[^/]+/, webUrl));
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await res.text()).toContain(`SUMMARY:ISMS ${run}: recertification (scheduled)`);
    await expectAccessible(page, 'the calendar feed card');
    await page.screenshot({ path: join(shots, '05-calendar-link.png'), fullPage: true });
  });

  it('shows the executive the combined audit in both programs, then the cost page', async () => {
    await signOut(page);
    await signIn(page, account('executive'));
    await page.waitForURL(/\/overview$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    const scheduled = page.getByRole('row').filter({ hasText: `${acceptedDate} (scheduled)` });
    await scheduled.filter({ hasText: `ISMS ${run}` }).waitFor();
    await scheduled.filter({ hasText: `AIMS ${run}` }).waitFor();
    await expect(
      page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem').filter({ hasText: body }).count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: join(shots, '06-executive-after-accepting.png'), fullPage: true });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cost', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Cost' }).waitFor();
    await page.locator('[data-testid="burn-chart"] svg.recharts-surface').first().waitFor();
    await expectAccessible(page, 'the cost page');
    await page.screenshot({ path: join(shots, '07-executive-cost.png'), fullPage: true });
  });
});
