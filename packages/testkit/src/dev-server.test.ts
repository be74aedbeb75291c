import { SearchAttributeType } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectToProvidedDevServer } from './dev-server.js';
import { TEMPORAL_ADDRESS_KEY } from './provided.js';
import { certflowSearchAttributes } from './search-attributes.js';

// Numeric values of temporal.api.enums.v1.IndexedValueType, as the server reports them.
const expectedIndexedType: Record<SearchAttributeType, number> = {
  TEXT: 1,
  KEYWORD: 2,
  INT: 3,
  DOUBLE: 4,
  BOOL: 5,
  DATETIME: 6,
  KEYWORD_LIST: 7,
};

describe('dev server from the vitest global setup', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectToProvidedDevServer(inject(TEMPORAL_ADDRESS_KEY));
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('answers on the provided address', async () => {
    const info = await env.connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.supportsTimeSkipping).toBe(false);
  });

  it('registered every Certflow search attribute with the type the contracts declare', async () => {
    const { customAttributes } = await env.connection.operatorService.listSearchAttributes({
      namespace: 'default',
    });
    for (const key of certflowSearchAttributes) {
      expect(customAttributes?.[key.name], key.name).toBe(expectedIndexedType[key.type]);
    }
  });

  it('lists workflows by a custom search attribute (visibility works)', async () => {
    const stage = certflowSearchAttributes.find((key) => key.name === 'CertflowStage');
    expect(stage).toBeDefined();
    const listed = env.client.workflow.list({ query: `CertflowStage = 'no-such-stage'` });
    const ids: string[] = [];
    for await (const execution of listed) ids.push(execution.workflowId);
    expect(ids).toEqual([]);
  });
});
