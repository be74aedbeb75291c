import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (injected into the page; `@axe-core/playwright` needs Node 22) against the WCAG 2.x A and AA
 * rules and fails on any serious or critical violation, naming the rule and the elements. Lesser findings are
 * printed so they stay visible without failing the journey.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
  const blocking = violations.filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v: Violation) => !blocking.includes(v));
  if (minor.length > 0) console.warn(`axe (${label}), not blocking: ${JSON.stringify(minor)}`);
  expect(blocking, `axe found serious or critical violations on ${label}`).toEqual([]);
}
