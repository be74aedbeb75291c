import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse, ZodSerializerDto, ZodValidationPipe } from 'nestjs-zod';

import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator.js';
import {
  CreateProgram,
  type CreateProgramInput,
  createProgramSchema,
  ListProgramsQuery,
  ProgramDetail,
  Program,
} from './programs.schemas.js';
import { ProgramsService } from './programs.service.js';

@ApiTags('programs')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Repeat a request safely: the same key and body return the program created the first time',
  })
  @ApiBody({ type: CreateProgram })
  @ZodSerializerDto(Program)
  @ApiCreatedResponse({ type: Program.Output, description: 'Created, and its workflow started' })
  @ApiOkResponse({ type: Program.Output, description: 'Replay of an earlier request with the same key' })
  @ApiNotFoundResponse({ type: ErrorResponse.Output, description: 'Unknown organization' })
  @ApiConflictResponse({
    type: ErrorResponse.Output,
    description: 'Idempotency-Key reused with a different body',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse.Output,
    description: 'Saved, but Temporal was unreachable',
  })
  async create(
    @Body(new ZodValidationPipe(createProgramSchema)) body: CreateProgramInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { program, created } = await this.programs.create(body, idempotencyKey);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return program;
  }

  @Get()
  @ZodResponse({ status: 200, type: [Program] })
  list(@Query() { organizationId }: ListProgramsQuery) {
    return this.programs.list(organizationId);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: ProgramDetail })
  @ApiNotFoundResponse({ type: ErrorResponse.Output })
  get(@Param() { id }: IdParams) {
    return this.programs.get(id);
  }
}
