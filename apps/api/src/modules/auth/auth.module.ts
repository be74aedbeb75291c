import { Module } from '@nestjs/common';

import { AuthController } from './auth.controller.js';
import { MeService } from './me.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { SignInService } from './sign-in.service.js';

@Module({
  controllers: [AuthController],
  providers: [MeService, SignInService, SignInThrottle],
  exports: [MeService, SignInThrottle],
})
export class AuthModule {}
