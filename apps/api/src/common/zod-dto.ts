import { createZodDto as createNestZodDto, type ZodDto } from 'nestjs-zod';

/**
 * nestjs-zod 5.5 marks a DTO whose JSON Schema needs OpenAPI 3.1 syntax (e.g. `{ type: 'null' }`) so that
 * `cleanupOpenApiDoc` rewrites it for a 3.0 document. The marker is internal to nestjs-zod; the OpenAPI tests
 * fail (no `type` arrays, nullable `stage`) if a future version renames it.
 */
const USES_OPENAPI_3_1_SYNTAX = 'x-nestjs_zod-uses-3-point-1-syntax';

// Keys whose values are data rather than sub-schemas.
const DATA_KEYS = new Set(['enum', 'const', 'default', 'examples', 'example']);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * zod ≥ 4.5 compacts `anyOf: [{ type: 'string' }, { type: 'null' }]` into `type: ['string', 'null']`. nestjs-zod
 * 5.5 only understands the `anyOf` form (BenLorantfy/nestjs-zod#473, #474): a top-level property's type array
 * reaches @nestjs/swagger, which reads it as "array of string", and a nested one stays a type array, which
 * OpenAPI 3.0 forbids. Expanding it back to `anyOf` lets nestjs-zod emit `{ type: 'string', nullable: true }`.
 * Returns whether a `null` branch was produced. Mutates `schema`.
 */
function expandTypeArrays(schema: JsonObject): boolean {
  let producedNull = false;
  if (Array.isArray(schema.type)) {
    const types = schema.type as unknown[];
    producedNull = types.includes('null');
    const existing: unknown[] = Array.isArray(schema.anyOf) ? schema.anyOf : [];
    schema.anyOf = [...types.map((type) => ({ type })), ...existing];
    delete schema.type;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (DATA_KEYS.has(key)) continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isObject(child) && expandTypeArrays(child)) producedNull = true;
    }
  }
  return producedNull;
}

/** Post-processes the per-property metadata nestjs-zod hands to @nestjs/swagger. */
export function normalizeOpenApiMetadata(metadata: unknown): unknown {
  if (!isObject(metadata)) return metadata;
  const properties = structuredClone(metadata);
  let producedNull = false;
  for (const property of Object.values(properties)) {
    if (!isObject(property)) continue;
    const topLevelArray = Array.isArray(property.type);
    if (expandTypeArrays(property)) producedNull = true;
    // nestjs-zod gives every property a `type` (empty when the schema has none) and removes the empty one later.
    if (topLevelArray) property.type = '';
  }
  if (producedNull) {
    // Same decision nestjs-zod makes when zod itself emits `{ type: 'null' }`: the whole DTO needs converting.
    for (const property of Object.values(properties)) {
      if (isObject(property)) property[USES_OPENAPI_3_1_SYNTAX] = true;
    }
  }
  return properties;
}

function normalizeFactoryOf(dto: { _OPENAPI_METADATA_FACTORY(): unknown }): void {
  const original = dto._OPENAPI_METADATA_FACTORY.bind(dto);
  Object.defineProperty(dto, '_OPENAPI_METADATA_FACTORY', {
    value: () => normalizeOpenApiMetadata(original()),
    configurable: true,
  });
}

/**
 * `createZodDto` from nestjs-zod, with the OpenAPI metadata of both the input DTO and its `.Output` fixed for
 * zod's `type` arrays. Use it for every DTO so nullable fields stay nullable scalars in the document.
 */
export function createZodDto<TSchema extends Parameters<typeof createNestZodDto>[0]>(
  schema: TSchema,
): ZodDto<TSchema, false> {
  const dto = createNestZodDto(schema);
  normalizeFactoryOf(dto);
  const outputDescriptor = Object.getOwnPropertyDescriptor(dto, 'Output');
  if (outputDescriptor) {
    // Keeps nestjs-zod's getter so it can still be invoked with the subclass as receiver.
    const original: object = Object.defineProperty({}, 'Output', outputDescriptor);
    Object.defineProperty(dto, 'Output', {
      // Called on the subclass (e.g. `Program.Output`), so nestjs-zod names the result after it.
      get(this: unknown) {
        const output = Reflect.get(original, 'Output', this) as ZodDto;
        normalizeFactoryOf(output);
        return output;
      },
      configurable: true,
    });
  }
  return dto;
}

/** What a DTO class can promise about a union schema's output: an object, whose shape only the schema knows. */
export interface ObjectSchema {
  parse(input: unknown): object;
}

/**
 * For a union schema, which TypeScript cannot turn into a class: a DTO whose only job is the OpenAPI component
 * (its name and schema). Validate such a body with `new ZodValidationPipe(schema)` and type it with
 * `z.output<typeof schema>`.
 */
export function createUnionZodDto<TSchema extends Parameters<typeof createNestZodDto>[0] & ObjectSchema>(
  schema: TSchema,
): ZodDto<ObjectSchema, false> {
  return createZodDto<ObjectSchema>(schema);
}
