import {
  getSoc2ProgramStateQuery,
  soc2AttestationStartInputSchema,
  type Soc2AttestationStartInput,
  type Soc2ProgramState,
  soc2Updates,
} from '@certflow/contracts';
import { continueAsNew, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { decidePatches } from '../shared/patch-gate.js';
import { sharedPatches } from '../shared/patches.js';
import { parseStartInput } from '../shared/program-messages.js';
import { ProgramRuntime } from '../shared/program-runtime.js';
import { soc2ReadModelRows } from '../shared/read-model/soc2-rows.js';
import { soc2Patches } from './patches.js';
import { Soc2Program } from './soc2-program.js';

/** Patches decided once per run (shared/patch-gate.ts), in the order their markers are recorded. */
export const decidedAtRunStart = [
  sharedPatches.monthWindows,
  sharedPatches.requirementLinks,
  soc2Patches.bridgeLetterToIssueDate,
];

/**
 * One run per SOC 2 Type II observation period (plus its fieldwork and report). The first run also carries the
 * readiness assessment, remediation and the optional Type I, unless the program starts mid-stream. Recording the
 * period's Type II report continues as new with the compact state as the second argument; the workflow id stays
 * `programWorkflowId(...)`.
 */
export async function soc2AttestationWorkflow(
  startInput: Soc2AttestationStartInput,
  carried?: Soc2ProgramState,
): Promise<Soc2ProgramState> {
  const input = parseStartInput(soc2AttestationStartInputSchema, startInput);
  const isPatched = decidePatches(decidedAtRunStart, patched);
  const clock = () => Date.now();
  const state = carried ?? Soc2Program.initialState(input, new Date(clock()).toISOString().slice(0, 10));
  const program = new Soc2Program(state, clock, uuid4, isPatched);
  if (!carried) program.begin(input);

  const runtime = new ProgramRuntime(program, state, soc2ReadModelRows);
  setHandler(getSoc2ProgramStateQuery, () => program.snapshot());
  runtime.registerUpdates(soc2Updates, program.updateHandlers());
  runtime.registerSharedSignals();

  return runtime.run({
    listAttributes: (snapshot) => ({
      organizationId: snapshot.organizationId,
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      stage: snapshot.stage,
      nextMilestone: snapshot.nextMilestone?.due ?? null,
      atRisk: snapshot.atRisk,
    }),
    rollsOver: () => program.transition.kind === 'next-period',
    continueAsNew: () => continueAsNew<typeof soc2AttestationWorkflow>(startInput, program.carriedState()),
  });
}
