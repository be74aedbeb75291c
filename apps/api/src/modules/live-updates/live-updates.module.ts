import { Module } from '@nestjs/common';

import { LiveFeedHub } from './live-feed.hub.js';
import { LiveUpdatesController } from './live-updates.controller.js';
import { LiveUpdatesService } from './live-updates.service.js';

@Module({ controllers: [LiveUpdatesController], providers: [LiveFeedHub, LiveUpdatesService] })
export class LiveUpdatesModule {}
