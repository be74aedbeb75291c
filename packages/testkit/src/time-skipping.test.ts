import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certflowSearchAttributes } from './search-attributes.js';
import { createTimeSkippingEnv } from './time-skipping.js';
import type { certflowTestkitSleeper as SleeperWorkflow } from '../test/fixtures/sleeper-workflow.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const sampleValue = {
  TEXT: 'some text',
  KEYWORD: 'kw',
  INT: 7,
  DOUBLE: 1.5,
  BOOL: true,
  DATETIME: new Date('2027-03-01T00:00:00.000Z'),
  KEYWORD_LIST: ['ISO27001', 'SOC2'],
} as const satisfies Record<SearchAttributeType, unknown>;

describe('createTimeSkippingEnv (Java test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that sleeps 90 days to completion in seconds of wall time', async () => {
    const taskQueue = `testkit-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../test/fixtures/sleeper-workflow.ts', import.meta.url)),
    });
    const serverBefore = await env.currentTimeMs();
    const wallStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof SleeperWorkflow>('certflowTestkitSleeper', {
        args: [90],
        taskQueue,
        workflowId: `testkit-sleeper-${randomUUID()}`,
      }),
    );
    const wallMs = performance.now() - wallStart;
    const serverAfter = await env.currentTimeMs();
    console.log(`workflow slept 90 days of server time in ${(wallMs / 1000).toFixed(2)} s of wall time`);

    expect(env.supportsTimeSkipping).toBe(true);
    // The workflow's clock is the time of each workflow task, so it moved by its timer plus a little processing.
    expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(90 * DAY_MS);
    expect(result.finishedAt - result.startedAt).toBeLessThan(91 * DAY_MS);
    expect(serverAfter - serverBefore).toBeGreaterThanOrEqual(90 * DAY_MS);
    // Without time skipping this would wait for 90 real days; the generous bound only proves it did not.
    expect(wallMs).toBeLessThan(20_000);
  });

  // The test server has no ListSearchAttributes; it validates attributes when a workflow starts instead.
  it('accepts our search attributes on a workflow start and rejects unknown ones', async () => {
    const typedSearchAttributes = certflowSearchAttributes.map((key) => ({
      key,
      value: sampleValue[key.type],
    }));
    const handle = await env.client.workflow.start('certflowTestkitProbe', {
      taskQueue: `testkit-${randomUUID()}`,
      workflowId: `testkit-probe-${randomUUID()}`,
      typedSearchAttributes: typedSearchAttributes as SearchAttributePair[],
    });
    try {
      const described = await handle.describe();
      for (const key of certflowSearchAttributes) {
        expect(described.typedSearchAttributes.get(key), key.name).toEqual(sampleValue[key.type]);
      }
    } finally {
      await handle.terminate();
    }

    const unknown = defineSearchAttributeKey('CertflowNotRegistered', SearchAttributeType.KEYWORD);
    await expect(
      env.client.workflow.start('certflowTestkitProbe', {
        taskQueue: `testkit-${randomUUID()}`,
        workflowId: `testkit-probe-${randomUUID()}`,
        typedSearchAttributes: [{ key: unknown, value: 'x' }],
      }),
    ).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/CertflowNotRegistered/) as unknown },
    });
  });
});
