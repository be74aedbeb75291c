import {
  getIsoProgramStateQuery,
  type IsoCertificationStartInput,
  isoCertificationStartInputSchema,
  type IsoProgramState,
  isoUpdates,
} from '@certflow/contracts';
import { continueAsNew, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { decidePatches } from '../shared/patch-gate.js';
import { sharedPatches } from '../shared/patches.js';
import { parseStartInput } from '../shared/program-messages.js';
import { ProgramRuntime } from '../shared/program-runtime.js';
import { isoReadModelRows } from '../shared/read-model/iso-rows.js';
import { IsoProgram } from './iso-program.js';
import { isoPatches } from './patches.js';

/** Patches decided once per run (shared/patch-gate.ts), in the order their markers are recorded. */
export const decidedAtRunStart = [
  sharedPatches.monthWindows,
  sharedPatches.requirementLinks,
  isoPatches.restorationFromDecision,
  isoPatches.addedStandardInitialAudit,
  isoPatches.recertificationWindow,
  isoPatches.freshReadinessAfterLapse,
];

/**
 * One run per certification cycle of an ISO/IEC 27001 and/or 42001 program. The first run starts at the gap
 * assessment or from an existing certificate; each recertification (or a new initial audit after a lapse)
 * continues as new with the compact state as the second argument. The workflow id stays
 * `programWorkflowId(organizationId, programId)`.
 */
export async function isoCertificationWorkflow(
  startInput: IsoCertificationStartInput,
  carried?: IsoProgramState,
): Promise<IsoProgramState> {
  const input = parseStartInput(isoCertificationStartInputSchema, startInput);
  const isPatched = decidePatches(decidedAtRunStart, patched);
  const clock = () => Date.now();
  const state = carried ?? IsoProgram.initialState(input, new Date(clock()).toISOString().slice(0, 10));
  const program = new IsoProgram(state, clock, uuid4, isPatched);
  if (!carried) program.begin(input);

  const runtime = new ProgramRuntime(program, state, isoReadModelRows);
  setHandler(getIsoProgramStateQuery, () => program.snapshot());
  runtime.registerUpdates(isoUpdates, program.updateHandlers());
  runtime.registerSharedSignals();

  return runtime.run({
    listAttributes: (snapshot) => ({
      organizationId: snapshot.organizationId,
      kind: 'ISO_CERTIFICATION',
      frameworks: snapshot.frameworks,
      stage: snapshot.stage,
      nextMilestone: snapshot.nextMilestone?.due ?? null,
      atRisk: snapshot.atRisk,
    }),
    rollsOver: () => program.transition.kind === 'next-cycle',
    continueAsNew: () => continueAsNew<typeof isoCertificationWorkflow>(startInput, program.carriedState()),
  });
}
