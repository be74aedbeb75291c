import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core');

interface AxeResult {
  violations: {
    id: string;
    impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
}

/**
 * Runs axe-core (injected as a script: `@axe-core/playwright` needs Node 22) on the page as it is now and throws
 * on every serious or critical violation, naming the rule and the elements. Call it on every page a test visits.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(
        document,
      ) as Promise<AxeResult>,
  );
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) => `- ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    throw new Error(`Accessibility violations on ${what}:\n${lines.join('\n')}`);
  }
}
