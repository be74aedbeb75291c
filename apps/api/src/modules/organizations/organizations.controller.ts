import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { CreateOrganization, Organization } from './organizations.schemas.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @ZodResponse({ status: 201, type: Organization })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The slug is taken' })
  create(@Body() body: CreateOrganization) {
    return this.organizations.create(body);
  }

  @Get()
  @ZodResponse({ status: 200, type: [Organization] })
  list() {
    return this.organizations.list();
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: Organization })
  @ApiNotFoundResponse({ type: ErrorResponse.Output })
  get(@Param() { id }: IdParams) {
    return this.organizations.get(id);
  }
}
