import { Body, Controller, Get, HttpStatus, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type FinaliseGapAssessment as FinaliseInput,
  finaliseGapAssessmentSchema,
  type StartGapAssessment as StartInput,
  startGapAssessmentSchema,
} from '@certflow/contracts/implementation';
import { ZodResponse, ZodSerializerDto, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import {
  AnswerGapItems,
  FinaliseGapAssessment,
  GapAssessment,
  GapAssessmentFinalised,
  StartGapAssessment,
} from './gap-assessment.schemas.js';
import { GapAssessmentService } from './gap-assessment.service.js';
import { GapFinalisationService } from './gap-finalisation.service.js';

/** Validates a body whose fields are all optional, accepting no body at all (Express leaves it undefined). */
function optionalBody(schema: z.ZodType) {
  return new ZodValidationPipe(z.preprocess((value) => value ?? {}, schema));
}

@ApiTags('gap-assessment')
@Controller('programs/:id/gap-assessment')
export class GapAssessmentController {
  constructor(
    private readonly gaps: GapAssessmentService,
    private readonly finalisation: GapFinalisationService,
  ) {}

  /**
   * The program's gap assessment (SOC 2: readiness assessment): every requirement of its frameworks with the
   * pre-filled suggestion and the chains that justify it, and the answers given. Before it is started the items
   * are a preview (status NOT_STARTED).
   */
  @Get()
  @Allow('programs.read', ofResource('program'))
  @ZodResponse({ status: 200, type: GapAssessment })
  get(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.gaps.get(caller, id);
  }

  /** Starts the draft; starting again returns the existing one. */
  @Post()
  @Allow('programs.operate', ofResource('program'))
  @ApiBody({ type: StartGapAssessment, required: false })
  @ZodSerializerDto(GapAssessment)
  @ApiCreatedResponse({ type: GapAssessment.Output, description: 'Started' })
  @ApiOkResponse({ type: GapAssessment.Output, description: 'Already started: the existing draft' })
  @ApiConflictResponse({
    type: ErrorResponse.Output,
    description: 'The program started from a certificate or mid-stream and has no gap assessment',
  })
  async start(
    @Param() { id }: IdParams,
    @Body(optionalBody(startGapAssessmentSchema)) body: StartInput,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, created } = await this.gaps.start(caller, id, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return view;
  }

  /** Confirms or changes up to 500 items (each real change is an audit event with the caller as actor). */
  @Patch('items')
  @Allow('programs.operate', ofResource('program'))
  @ZodResponse({ status: 200, type: GapAssessment })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'Not started, or already finalised' })
  answer(@Param() { id }: IdParams, @Body() body: AnswerGapItems, @CurrentCaller() caller: Caller) {
    return this.gaps.answer(caller, id, body);
  }

  /**
   * Hands the gaps to the workflow (`completeGapAssessment`, or `completeReadinessAssessment` for SOC 2) with
   * the caller as actor; each requirement answered partial or not implemented becomes a remediation task, and the
   * answers become the organisation's implementation statuses. Finalising again returns the first result.
   */
  @Post('finalise')
  @Allow('programs.operate', ofResource('program'))
  @ApiBody({ type: FinaliseGapAssessment, required: false })
  @ZodResponse({ status: 200, type: GapAssessmentFinalised })
  @ApiConflictResponse({
    type: ErrorResponse.Output,
    description: 'Not started, or the program is past its gap assessment (the workflow’s message)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse.Output,
    description: 'Items are unanswered, or the workflow’s rules refuse it (its own message)',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse.Output,
    description: 'Temporal was unreachable; the submission stays frozen and the next call sends it',
  })
  finalise(
    @Param() { id }: IdParams,
    @Body(optionalBody(finaliseGapAssessmentSchema)) body: FinaliseInput,
    @CurrentCaller() caller: Caller,
  ) {
    return this.finalisation.finalise(caller, id, body);
  }
}
