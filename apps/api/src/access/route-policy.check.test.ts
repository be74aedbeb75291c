import { Controller, Get, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createTestApp } from '../../test/test-app.js';
import { AppModule } from '../app.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import { loadConfig } from '../config/config.schema.js';
import { Public } from './route-policy.decorators.js';
import { RoutePolicyCheck } from './route-policy.check.js';

@Controller('forgotten')
class ForgottenController {
  @Get()
  @Public()
  declared() {
    return 'ok';
  }

  // No @Public, @SignedIn or @Allow: the application must refuse to start.
  @Post('undeclared')
  undeclared() {
    return 'oops';
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('every route declares who may call it', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses to start an application with a route that declares no policy', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, ForgottenModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: inject('temporalAddress') }))
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow(
      'Routes without an access policy (@Public, @SignedIn or @Allow): POST /forgotten/undeclared (ForgottenController.undeclared)',
    );
    await app.close();
  });

  it('finds a policy on every route of the real application', async () => {
    const { app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') });
    try {
      const routes = app.get(RoutePolicyCheck).routes();
      expect(routes.length).toBeGreaterThan(30);
      expect(routes.filter((route) => route.policy === undefined)).toEqual([]);
      expect(routes.find((route) => route.path === '/programs/:id')?.policy).toEqual({
        kind: 'organization',
        permission: 'programs.read',
        organization: { from: 'resource', resource: 'program', param: 'id' },
        people: false,
      });
    } finally {
      await app.close();
    }
  });
});
