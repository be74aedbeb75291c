import createClient, { type ClientOptions } from 'openapi-fetch';

import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** A typed client for the Certflow API; paths, bodies and responses come from the committed OpenAPI document. */
export function createApiClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}) {
  return createClient<paths>({ ...options, baseUrl });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Send on POST /programs so a retried request returns the program created the first time. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Friendly names for the generated schemas (responses carry nestjs-zod's `_Output` suffix).
type Schemas = components['schemas'];
export type ErrorResponse = Schemas['ErrorResponse_Output'];
export type Organization = Schemas['Organization_Output'];
export type CreateOrganization = Schemas['CreateOrganization'];
export type ProgramKind = Schemas['ProgramKind_Output'];
export type Program = Schemas['Program_Output'];
export type ProgramDetail = Schemas['ProgramDetail_Output'];
export type ProgramStateView = Schemas['ProgramStateView_Output'];
export type ProgramRecords = Schemas['ProgramRecords_Output'];
export type FindingPage = Schemas['FindingPage_Output'];
export type SchedulePage = Schemas['SchedulePage_Output'];
export type CreateProgram = Schemas['CreateProgram'];
export type Me = Schemas['Me_Output'];
export type Membership = Me['memberships'][number];
export type Role = Schemas['Role'];
export type ApiTokenRole = Schemas['ApiTokenRole'];
export type SignIn = Schemas['SignIn'];
export type Member = Schemas['Member_Output'];
export type Invitation = Schemas['Invitation_Output'];
export type InvitationPreview = Schemas['InvitationPreview_Output'];
export type ApiToken = Schemas['ApiToken_Output'];
export type CreatedApiToken = Schemas['CreatedApiToken_Output'];
export type ProgramGrant = Schemas['ProgramGrant_Output'];
export type SsoSettings = Schemas['SsoSettings_Output'];
export type SecurityEvent = Schemas['SecurityEvent_Output'];
export type MyTask = Schemas['MyTask_Output'];
export type Overview = Schemas['Overview_Output'];
export type HealthReport = paths['/health']['get']['responses'][200]['content']['application/json'];
// Leadership: cost and the dashboard (issue 12, part B).
export type CostSummary = Schemas['CostSummary_Output'];
export type BudgetLine = Schemas['BudgetLine_Output'];
export type BudgetLineBody = Schemas['BudgetLineBody'];
export type ActualCost = Schemas['ActualCost_Output'];
export type ActualCostBody = Schemas['ActualCostBody'];
export type Dashboard = Schemas['Dashboard_Output'];
