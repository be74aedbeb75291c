import { describe, expect, it } from 'vitest';

import { renderOpenApiDocument } from './document-only.module.js';

type Json = Record<string, unknown>;

/** Every `type` that is an array, with the JSON path it sits at. */
function typeArrays(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => typeArrays(item, `${path}[${index}]`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key === 'type' && Array.isArray(value) ? [`${path}.type`] : []),
    ...typeArrays(value, `${path}.${key}`),
  ]);
}

describe('the OpenAPI document', () => {
  it('uses only OpenAPI 3.0 syntax: no type arrays, nullable scalars as nullable: true', async () => {
    const document = JSON.parse(await renderOpenApiDocument()) as Json;
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(typeArrays(document)).toEqual([]);

    const schemas = (document.components as { schemas: Record<string, { properties: Json }> }).schemas;
    for (const name of ['Program_Output', 'ProgramDetail_Output', 'ProgramStateView_Output']) {
      expect(schemas[name]?.properties.stage, name).toMatchObject({ type: 'string', nullable: true });
      expect(schemas[name]?.properties.stage, name).not.toHaveProperty('items');
    }
    expect(schemas.Program_Output?.properties.startedAt).toMatchObject({
      type: 'string',
      format: 'date-time',
      nullable: true,
    });
  });
});

describe('the security the OpenAPI document states', () => {
  it('names the session cookie and bearer token schemes', async () => {
    const document = JSON.parse(await renderOpenApiDocument()) as {
      components: { securitySchemes: Record<string, Json> };
    };
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'certflow_session' },
      apiToken: { type: 'http', scheme: 'bearer' },
    });
  });

  it('gives every operation its access, and every protected one its 401, 403 and 404', async () => {
    const document = JSON.parse(await renderOpenApiDocument()) as {
      paths: Record<string, Record<string, Json & { responses: Json; security?: unknown[] }>>;
    };
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const access = operation['x-certflow-access'];
        const permission = operation['x-certflow-permission'];
        if (access === undefined && permission === undefined) problems.push(`${route}: no access stated`);
        if (access === 'public') {
          if (operation.security) problems.push(`${route}: public but lists security`);
          continue;
        }
        if (!operation.security?.length) problems.push(`${route}: no security scheme`);
        const codes = Object.keys(operation.responses);
        const expected = permission === undefined ? ['401', '403'] : ['400', '401', '403', '404'];
        for (const code of expected)
          if (!codes.includes(code)) problems.push(`${route}: no ${code} response`);
      }
    }
    expect(problems).toEqual([]);
  });
});
