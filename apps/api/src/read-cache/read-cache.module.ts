import { Global, Module } from '@nestjs/common';

import { ChangeFeed } from './change-feed.js';
import { ReadCache } from './read-cache.js';

/** The change feed and the read cache (ADR 0020); the interceptor is registered with the other HTTP behaviour. */
@Global()
@Module({
  providers: [ChangeFeed, ReadCache],
  exports: [ChangeFeed, ReadCache],
})
export class ReadCacheModule {}
