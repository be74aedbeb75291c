import { Body, Controller, Param, Patch } from '@nestjs/common';
import {
  ApiBody,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { ProgramSettingsService } from './program-settings.service.js';
import { ChangeProgramSettings, ProgramDetail } from './programs.schemas.js';

@ApiTags('programs')
@Controller('programs')
export class ProgramSettingsController {
  constructor(private readonly settings: ProgramSettingsService) {}

  @Patch(':id/settings')
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
  @ApiNotFoundResponse({ type: ErrorResponse.Output })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse.Output,
    description: 'The program rules refuse the change',
  })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The program has ended' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse.Output, description: 'Temporal was unreachable' })
  change(@Param() { id }: IdParams, @Body() body: unknown) {
    return this.settings.change(id, body);
  }
}
