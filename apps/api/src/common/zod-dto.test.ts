import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { createZodDto } from './zod-dto.js';

const nested = z
  .object({ note: z.string().nullable(), count: z.number().int().nullable() })
  .meta({ id: 'Nested' });

class Sample extends createZodDto(
  z.object({
    plain: z.string(),
    bare: z.string().nullable(),
    described: z.string().nullable().describe('A nullable string with a description'),
    either: z.union([z.string(), z.number()]),
    inline: z.object({ inner: z.boolean().nullable() }),
    nested,
  }),
) {}

@Controller('samples')
class SamplesController {
  @Post()
  create(@Body() body: Sample): Sample {
    return body;
  }
}

@Module({ controllers: [SamplesController] })
class SamplesModule {}

async function documentFor(version: string) {
  const app = await NestFactory.create(SamplesModule, { logger: false });
  try {
    const config = new DocumentBuilder().setOpenAPIVersion(version).build();
    return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  } finally {
    await app.close();
  }
}

describe('createZodDto', () => {
  it('renders zod type arrays as OpenAPI 3.0 nullable scalars and anyOf, at every depth', async () => {
    const { components } = await documentFor('3.0.0');
    const schemas = components?.schemas ?? {};
    expect(schemas.Sample).toMatchObject({
      properties: {
        plain: { type: 'string' },
        bare: { type: 'string', nullable: true },
        described: {
          type: 'string',
          nullable: true,
          description: 'A nullable string with a description',
        },
        either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        inline: { type: 'object', properties: { inner: { type: 'boolean', nullable: true } } },
        nested: { $ref: '#/components/schemas/Nested' },
      },
    });
    expect(schemas.Nested).toMatchObject({
      properties: { note: { type: 'string', nullable: true }, count: { type: 'integer', nullable: true } },
    });
    expect(JSON.stringify(schemas)).not.toMatch(/"type":\[/);
  });

  it('keeps OpenAPI 3.1 null branches for a 3.1 document', async () => {
    const { components } = await documentFor('3.1.0');
    expect(components?.schemas?.Sample).toMatchObject({
      properties: { bare: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    });
  });
});
