import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { sharedProgramUpdates } from './program-messages.js';
import type {
  ChangeSoc2SettingsInput,
  CompleteFieldworkInput,
  CompleteReadinessAssessmentInput,
  IssueBridgeLetterInput,
  PlanNextPeriodInput,
  RecordControlExceptionInput,
  RecordReportInput,
  ScheduleFieldworkInput,
  ScheduleTypeIInput,
  Soc2OverrideInput,
  soc2UpdateInputSchemas,
} from './soc2-inputs.js';
import type { Soc2ProgramState } from './soc2-state.js';

/** The SOC 2 workflow's query and updates (inputs and their schemas in `soc2-inputs.ts`). */

/** Same query name as the ISO workflow, so the API reads any program's detail the same way. */
export const getSoc2ProgramStateQuery = defineQuery<Soc2ProgramState>('getProgramState');

const shared = sharedProgramUpdates<Soc2ProgramState>();
export const soc2CompleteTaskUpdate = shared.completeTask;
export const soc2ReassignTaskUpdate = shared.reassignTask;
export const soc2CancelTaskUpdate = shared.cancelTask;
export const soc2EndProgramUpdate = shared.endProgram;

export const completeReadinessAssessmentUpdate = defineUpdate<
  Soc2ProgramState,
  [CompleteReadinessAssessmentInput]
>('completeReadinessAssessment');
/** Schedules the optional Type I examination as of a date, or moves it. */
export const scheduleTypeIUpdate = defineUpdate<Soc2ProgramState, [ScheduleTypeIInput]>('scheduleTypeI');
/** Schedules (or moves) the auditor's fieldwork for the attested period. */
export const scheduleFieldworkUpdate = defineUpdate<Soc2ProgramState, [ScheduleFieldworkInput]>(
  'scheduleFieldwork',
);
export const completeFieldworkUpdate = defineUpdate<Soc2ProgramState, [CompleteFieldworkInput]>(
  'completeFieldwork',
);
/** Records the service auditor's report; a Type II report closes the period and the run continues as new. */
export const recordReportUpdate = defineUpdate<Soc2ProgramState, [RecordReportInput]>('recordReport');
export const issueBridgeLetterUpdate = defineUpdate<Soc2ProgramState, [IssueBridgeLetterInput]>(
  'issueBridgeLetter',
);
/** A control that did not operate as described during an observation period. */
export const recordControlExceptionUpdate = defineUpdate<Soc2ProgramState, [RecordControlExceptionInput]>(
  'recordControlException',
);
export const soc2OverrideRuleUpdate = defineUpdate<Soc2ProgramState, [Soc2OverrideInput]>('overrideRule');
export const planNextPeriodUpdate = defineUpdate<Soc2ProgramState, [PlanNextPeriodInput]>('planNextPeriod');
export const changeSoc2SettingsUpdate = defineUpdate<Soc2ProgramState, [ChangeSoc2SettingsInput]>(
  'changeSettings',
);

export const soc2Updates = {
  ...shared,
  completeReadinessAssessment: completeReadinessAssessmentUpdate,
  scheduleTypeI: scheduleTypeIUpdate,
  scheduleFieldwork: scheduleFieldworkUpdate,
  completeFieldwork: completeFieldworkUpdate,
  recordReport: recordReportUpdate,
  issueBridgeLetter: issueBridgeLetterUpdate,
  recordControlException: recordControlExceptionUpdate,
  overrideRule: soc2OverrideRuleUpdate,
  planNextPeriod: planNextPeriodUpdate,
  changeSettings: changeSoc2SettingsUpdate,
} as const satisfies Record<keyof typeof soc2UpdateInputSchemas, unknown>;
