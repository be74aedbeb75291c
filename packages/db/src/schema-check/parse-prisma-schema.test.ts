import { describe, expect, it } from 'vitest';
import { parsePrismaSchema, readPrismaSchema } from './parse-prisma-schema.js';

describe('parsePrismaSchema', () => {
  it('reads the package schema', async () => {
    const schema = await readPrismaSchema();
    const program = schema.models.find((model) => model.name === 'Program');
    expect(program?.dbName).toBe('programs');
    expect(program?.uniques).toEqual([{ fields: ['organizationId', 'idempotencyKey'] }]);
    expect(program?.fields.find((field) => field.name === 'frameworks')).toMatchObject({
      type: 'String',
      isList: true,
    });
    expect(program?.fields.find((field) => field.name === 'config')?.default).toBe('"{}"');
    expect(program?.fields.find((field) => field.name === 'id')).toMatchObject({
      isId: true,
      nativeType: { name: 'Uuid', args: [] },
      default: 'dbgenerated("gen_random_uuid()")',
    });
    expect(schema.enums.find((e) => e.name === 'FindingSeverity')?.values).toEqual([
      'MAJOR',
      'MINOR',
      'OBSERVATION',
    ]);
  });

  it('keeps braces and comment markers inside strings', () => {
    const schema = parsePrismaSchema(`
      model Thing {
        id   Int    @id
        note String @default("{ // not a comment }") // a comment
        @@map("things")
      }`);
    expect(schema.models[0]?.fields[1]?.default).toBe('"{ // not a comment }"');
    expect(schema.models[0]?.dbName).toBe('things');
  });

  it('refuses attributes it does not understand instead of ignoring them', () => {
    expect(() => parsePrismaSchema('model Thing {\n  id Int @id @ignore\n}')).toThrow(
      /unsupported attribute @ignore/,
    );
    expect(() => parsePrismaSchema('model Thing {\n  id Int @id\n  @@fulltext([id])\n}')).toThrow(
      /@@fulltext/,
    );
  });
});
