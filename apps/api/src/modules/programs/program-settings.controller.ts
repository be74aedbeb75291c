import { Body, Controller, Param, Patch } from '@nestjs/common';
import {
  ApiBody,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { ProgramSettingsService } from './program-settings.service.js';
import { ChangeProgramSettings, ProgramDetail } from './programs.schemas.js';

@ApiTags('programs')
@Controller('programs')
export class ProgramSettingsController {
  constructor(private readonly settings: ProgramSettingsService) {}

  @Patch(':id/settings')
  @Allow('programs.operate', ofResource('program'))
  @ApiBody({ type: ChangeProgramSettings })
  @ZodResponse({
    status: 200,
    type: ProgramDetail,
    description: 'The program with its state after the change',
  })
  @ApiBadRequestResponse({
    type: ErrorResponse.Output,
    description: 'A setting is invalid for this kind of program',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse.Output,
    description: 'The program rules refuse the change',
  })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The program has ended' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse.Output, description: 'Temporal was unreachable' })
  change(@Param() { id }: IdParams, @Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.settings.change(caller, id, body);
  }
}
