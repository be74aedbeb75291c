import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { AppModule } from './app.module.js';
import { APP_CONFIG } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { configureApp } from './configure-app.js';

const app = await NestFactory.create(AppModule, { bufferLogs: true });
const config = app.get<AppConfig>(APP_CONFIG);
configureApp(app, config);
// Closes the Temporal connection and the database (and PGlite's files) on SIGTERM/SIGINT.
app.enableShutdownHooks();
await app.listen(config.port);
new Logger('Bootstrap').log(`Certflow API on http://127.0.0.1:${config.port} (OpenAPI at /docs)`);
