import {
  CertflowFrameworks,
  CertflowOrganizationId,
  CertflowProgramKind,
  getIsoProgramStateQuery,
  getSoc2ProgramStateQuery,
  type IsoCertificationStartInput,
  isoCertificationStartInputSchema,
  type IsoProgramState,
  type ProgramKind,
  programWorkflowTypes,
  type Soc2AttestationStartInput,
  soc2AttestationStartInputSchema,
  type Soc2ProgramState,
  PROGRAM_TASK_QUEUE,
} from '@certflow/contracts';
import { type Client, type WorkflowHandle, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';

import type { CreateProgramInput } from './programs.schemas.js';

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
export function startParametersOf(input: CreateProgramInput): Record<string, unknown> {
  const { name: _name, kind: _kind, frameworks: _frameworks, ...parameters } = input;
  return parameters;
}

export interface ProgramWorkflowStart {
  workflowType: string;
  args: [IsoCertificationStartInput] | [Soc2AttestationStartInput];
  searchAttributes: SearchAttributePair[];
}

// Parsing again checks the stored row against today's workflow contract before anything is started.
function startInputOf(program: ProgramStartSource): ProgramWorkflowStart['args'] {
  const stored = {
    ...((program.config ?? {}) as Record<string, unknown>),
    programId: program.id,
    organizationId: program.organizationId,
  };
  switch (program.kind) {
    case 'ISO_CERTIFICATION':
      return [isoCertificationStartInputSchema.parse({ ...stored, frameworks: program.frameworks })];
    case 'SOC2_ATTESTATION':
      return [soc2AttestationStartInputSchema.parse(stored)];
  }
}

export function programWorkflowStart(program: ProgramStartSource): ProgramWorkflowStart {
  return {
    workflowType: programWorkflowTypes[program.kind],
    args: startInputOf(program),
    searchAttributes: [
      { key: CertflowOrganizationId, value: program.organizationId },
      { key: CertflowProgramKind, value: program.kind },
      { key: CertflowFrameworks, value: program.frameworks },
    ],
  };
}

/**
 * Starts the program's workflow, or attaches to the run an earlier attempt started; a finished program is never
 * started again. Throws when Temporal cannot be reached within `rpcTimeoutMs`.
 */
export async function startProgramWorkflow(
  client: Client,
  program: ProgramStartSource & { workflowId: string },
  rpcTimeoutMs: number,
): Promise<void> {
  const { workflowType, args, searchAttributes } = programWorkflowStart(program);
  try {
    await client.connection.withDeadline(Date.now() + rpcTimeoutMs, () =>
      client.workflow.start(workflowType, {
        workflowId: program.workflowId,
        taskQueue: PROGRAM_TASK_QUEUE,
        args,
        typedSearchAttributes: searchAttributes,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    );
  } catch (error) {
    // REJECT_DUPLICATE: the workflow already ran to an end, so there is nothing left to start.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

export type ProgramWorkflowState = IsoProgramState | Soc2ProgramState;

/** Both workflows answer `getProgramState`; the definition per kind keeps the result typed. */
export function queryProgramState(handle: WorkflowHandle, kind: ProgramKind): Promise<ProgramWorkflowState> {
  switch (kind) {
    case 'ISO_CERTIFICATION':
      return handle.query(getIsoProgramStateQuery);
    case 'SOC2_ATTESTATION':
      return handle.query(getSoc2ProgramStateQuery);
  }
}
