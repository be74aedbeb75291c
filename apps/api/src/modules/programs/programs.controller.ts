import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse, ZodSerializerDto, ZodValidationPipe } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator.js';
import {
  CreateProgram,
  type CreateProgramInput,
  createProgramSchema,
  ProgramDetail,
  Program,
} from './programs.schemas.js';
import { ProgramsService } from './programs.service.js';

@ApiTags('programs')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post('organizations/:organizationId/programs')
  @Allow('programs.create', inOrganization())
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Repeat a request safely: the same key and body return the program created the first time',
  })
  @ApiBody({ type: CreateProgram })
  @ZodSerializerDto(Program)
  @ApiCreatedResponse({ type: Program.Output, description: 'Created, and its workflow started' })
  @ApiOkResponse({ type: Program.Output, description: 'Replay of an earlier request with the same key' })
  @ApiConflictResponse({
    type: ErrorResponse.Output,
    description: 'Idempotency-Key reused with a different body',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse.Output,
    description: 'Saved, but Temporal was unreachable',
  })
  async create(
    @Param() _params: OrganizationParams,
    @Body(new ZodValidationPipe(createProgramSchema)) body: CreateProgramInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { program, created } = await this.programs.create(caller, body, idempotencyKey);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return program;
  }

  /** The organisation's programs the caller may see (an auditor: the ones granted today). */
  @Get('organizations/:organizationId/programs')
  @Allow('programs.read', inOrganization())
  @ZodResponse({ status: 200, type: [Program] })
  @CachedRead()
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.programs.list(caller);
  }

  @Get('programs/:id')
  @Allow('programs.read', ofResource('program'))
  @ZodResponse({ status: 200, type: ProgramDetail })
  // Only the workflow's own answer is kept: the database fallback (Temporal unreachable) is a stopgap.
  @CachedRead({ keepIf: (body) => (body as ProgramDetail).state.source === 'workflow' })
  get(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.programs.get(caller, id);
  }
}
