import { randomUUID } from 'node:crypto';
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certflowSearchAttributes } from './search-attributes.js';
import { createTimeSkippingEnv } from './time-skipping.js';

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

  it('skips 90 days of server time in well under a second of wall time', async () => {
    const before = await env.currentTimeMs();
    const wallStart = performance.now();
    await env.sleep('90 days');
    const wallMs = performance.now() - wallStart;
    const after = await env.currentTimeMs();

    expect(env.supportsTimeSkipping).toBe(true);
    expect(after - before).toBeGreaterThanOrEqual(90 * DAY_MS);
    expect(wallMs).toBeLessThan(5_000);
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
