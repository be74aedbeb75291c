import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BudgetLineInput } from '@certflow/contracts/domain';
import { ZodResponse, ZodValidationPipe } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { csvLines, sendCsv } from '../../common/csv.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { CostLedgerService } from './cost-ledger.service.js';
import { CostSummaryService } from './cost-summary.service.js';
import { costColumns, costCsvRows } from './cost.csv.js';
import {
  ActualCostBody,
  ActualCost,
  ActualCostList,
  ActualParams,
  ActualsQuery,
  BudgetLineBody,
  BudgetLine,
  BudgetLineList,
  BudgetLineParams,
  budgetLineInputSchema,
  CostFilterQuery,
  CostSummary,
} from './cost.schemas.js';

/** Budget lines, actual costs, burn and forecast: leadership reads (cost.read), managers change (cost.manage). */
@ApiTags('cost')
@Controller('organizations/:organizationId/cost')
export class CostController {
  constructor(
    private readonly ledger: CostLedgerService,
    private readonly reads: CostSummaryService,
  ) {}

  /** Monthly budget, actual and forecast per currency, with totals per program and framework. */
  @Get('summary')
  @Allow('cost.read', inOrganization())
  @ZodResponse({ status: 200, type: CostSummary })
  @CachedRead()
  summary(@Param() _p: OrganizationParams, @Query() query: CostFilterQuery, @CurrentCaller() caller: Caller) {
    return this.reads.summary(caller, query);
  }

  /** The summary per program and month as CSV (RFC 4180, UTF-8, formula-guarded). */
  @Get('summary/csv')
  @Allow('cost.read', inOrganization())
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'One line per program, currency and month with a budget, actual or forecast',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(
    @Param() _p: OrganizationParams,
    @Query() query: CostFilterQuery,
    @CurrentCaller() caller: Caller,
    @Res() res: Response,
  ): Promise<void> {
    const inputs = await this.reads.inputs(caller, query);
    const name = query.year ? `cost-${query.year}.csv` : `cost-${inputs.today}.csv`;
    await sendCsv(res, name, csvLines(costColumns, costCsvRows(this.reads, inputs)));
  }

  @Get('budget-lines')
  @Allow('cost.read', inOrganization())
  @ZodResponse({ status: 200, type: BudgetLineList })
  async lines(
    @Param() _p: OrganizationParams,
    @Query() query: CostFilterQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return { items: await this.reads.lines(caller, query) };
  }

  /** A budget line; certification-body and internal-hours lines compute their amount. An audit event. */
  @Post('budget-lines')
  @Allow('cost.manage', inOrganization())
  @ApiBody({ type: BudgetLineBody })
  @ZodResponse({ status: 201, type: BudgetLine })
  createLine(
    @Param() _p: OrganizationParams,
    @Body(new ZodValidationPipe(budgetLineInputSchema)) body: BudgetLineInput,
    @CurrentCaller() caller: Caller,
  ) {
    return this.ledger.createLine(caller, body);
  }

  /** Replaces a line (its program stays). 409 when the currency changes under recorded actuals. */
  @Put('budget-lines/:lineId')
  @Allow('cost.manage', inOrganization())
  @ApiBody({ type: BudgetLineBody })
  @ZodResponse({ status: 200, type: BudgetLine })
  replaceLine(
    @Param() { lineId }: BudgetLineParams,
    @Body(new ZodValidationPipe(budgetLineInputSchema)) body: BudgetLineInput,
    @CurrentCaller() caller: Caller,
  ) {
    return this.ledger.replaceLine(caller, lineId, body);
  }

  /** Deletes a line without actual costs (409 otherwise). */
  @Delete('budget-lines/:lineId')
  @HttpCode(204)
  @Allow('cost.manage', inOrganization())
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteLine(@Param() { lineId }: BudgetLineParams, @CurrentCaller() caller: Caller): Promise<void> {
    await this.ledger.deleteLine(caller, lineId);
  }

  /** Recorded costs and the audits the workflows held, oldest first. */
  @Get('actuals')
  @Allow('cost.read', inOrganization())
  @ZodResponse({ status: 200, type: ActualCostList })
  async actuals(
    @Param() _p: OrganizationParams,
    @Query() query: ActualsQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return { items: await this.reads.actuals(caller, query) };
  }

  /** Records an amount spent against a budget line (in the line's currency). An audit event. */
  @Post('actuals')
  @Allow('cost.manage', inOrganization())
  @ZodResponse({ status: 201, type: ActualCost })
  recordActual(
    @Param() _p: OrganizationParams,
    @Body() body: ActualCostBody,
    @CurrentCaller() caller: Caller,
  ) {
    return this.ledger.recordActual(caller, body);
  }

  @Delete('actuals/:actualId')
  @HttpCode(204)
  @Allow('cost.manage', inOrganization())
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteActual(@Param() { actualId }: ActualParams, @CurrentCaller() caller: Caller): Promise<void> {
    await this.ledger.deleteActual(caller, actualId);
  }
}
