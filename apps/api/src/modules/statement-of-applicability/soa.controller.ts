import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { csvLines, sendCsv } from '../../common/csv.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { soaColumns } from './soa.csv.js';
import { StatementOfApplicability, UpdateStatementOfApplicability } from './soa.schemas.js';
import { SoaService } from './soa.service.js';

const notIso = ApiConflictResponse({
  type: ErrorResponse.Output,
  description: 'The program is a SOC 2 attestation, which has no Statement of Applicability',
});

@ApiTags('statement-of-applicability')
@Controller('programs/:id/statement-of-applicability')
export class SoaController {
  constructor(private readonly soa: SoaService) {}

  @Get()
  @Allow('programs.read', ofResource('program'))
  @ZodResponse({ status: 200, type: StatementOfApplicability })
  @notIso
  get(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.soa.get(caller, id);
  }

  /** Includes or excludes Annex A controls; an exclusion needs a justification. */
  @Put()
  @Allow('programs.operate', ofResource('program'))
  @ZodResponse({ status: 200, type: StatementOfApplicability })
  @notIso
  update(
    @Param() { id }: IdParams,
    @Body() body: UpdateStatementOfApplicability,
    @CurrentCaller() caller: Caller,
  ) {
    return this.soa.update(caller, id, body);
  }

  /** The Statement of Applicability as CSV (RFC 4180, UTF-8, formula-guarded), streamed as an attachment. */
  @Get('csv')
  @Allow('programs.read', ofResource('program'))
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'One line per Annex A control',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @notIso
  async csv(@Param() { id }: IdParams, @CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    const view = await this.soa.get(caller, id);
    await sendCsv(
      res,
      `statement-of-applicability-${view.programName}.csv`,
      csvLines(soaColumns, view.lines),
    );
  }
}
