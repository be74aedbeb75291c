import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentPrincipal } from '../../access/current-caller.decorator.js';
import type { Principal, UserPrincipal } from '../../access/principal.js';
import { Allow, inOrganization, SignedIn } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { CreateOrganization, Organization } from './organizations.schemas.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Creates an organisation; the signed-in person becomes its first admin. */
  @Post()
  @SignedIn()
  @ZodResponse({ status: 201, type: Organization })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The slug is taken' })
  create(@Body() body: CreateOrganization, @CurrentPrincipal() principal: Principal) {
    return this.organizations.create(body, principal as UserPrincipal);
  }

  /** The organisations the caller belongs to (an API token: its own). */
  @Get()
  @SignedIn({ tokens: true })
  @ZodResponse({ status: 200, type: [Organization] })
  list(@CurrentPrincipal() principal: Principal) {
    return this.organizations.listFor(principal);
  }

  @Get(':organizationId')
  @Allow('organization.read', inOrganization())
  @ZodResponse({ status: 200, type: Organization })
  get(@Param() { organizationId }: OrganizationParams) {
    return this.organizations.get(organizationId);
  }
}
