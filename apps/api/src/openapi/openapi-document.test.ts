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
