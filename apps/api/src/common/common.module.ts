import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';

import { ReadCacheInterceptor } from '../read-cache/read-cache.interceptor.js';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { CorrelationIdMiddleware } from './correlation-id.middleware.js';

/** Cross-cutting HTTP behaviour: one validation pipe, response serialisation, one exception filter, correlation ids. */
@Module({
  providers: [
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    // Outside the serializer: a cached answer is sent as it was serialised; a fresh one is kept after it.
    { provide: APP_INTERCEPTOR, useClass: ReadCacheInterceptor },
    // Responses are parsed by their declared schema, so a column added to a table never leaks by accident.
    { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class CommonModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('{*splat}');
  }
}
