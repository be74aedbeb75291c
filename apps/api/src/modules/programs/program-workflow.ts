import {
  CertflowFrameworks,
  CertflowOrganizationId,
  CertflowProgramKind,
  type IsoCertificationStartInput,
  isoCertificationStartInputSchema,
  type ProgramKind,
  programWorkflowTypes,
} from '@certflow/contracts';
import type { SearchAttributePair } from '@temporalio/common';

import type { CreateProgram } from './programs.schemas.js';

/** The columns a workflow start is rebuilt from, so a retry needs only the stored row, never the request. */
export interface ProgramStartSource {
  id: string;
  organizationId: string;
  kind: ProgramKind;
  frameworks: string[];
  /** Kind-specific start parameters as stored in `programs.config`. */
  config: unknown;
}

/** What `programs.config` keeps: every request field the workflow needs besides the ids and frameworks. */
export function startParametersOf(input: CreateProgram): Record<string, unknown> {
  const { organizationId: _org, name: _name, kind: _kind, frameworks: _frameworks, ...parameters } = input;
  return parameters;
}

export interface ProgramWorkflowStart {
  workflowType: string;
  args: [IsoCertificationStartInput];
  searchAttributes: SearchAttributePair[];
}

export function programWorkflowStart(program: ProgramStartSource): ProgramWorkflowStart {
  const parameters = (program.config ?? {}) as Record<string, unknown>;
  // Parsing again checks the stored row against today's workflow contract before anything is started.
  const input = isoCertificationStartInputSchema.parse({
    ...parameters,
    programId: program.id,
    organizationId: program.organizationId,
    frameworks: program.frameworks,
  });
  return {
    workflowType: programWorkflowTypes[program.kind],
    args: [input],
    searchAttributes: [
      { key: CertflowOrganizationId, value: program.organizationId },
      { key: CertflowProgramKind, value: program.kind },
      { key: CertflowFrameworks, value: program.frameworks },
    ],
  };
}
