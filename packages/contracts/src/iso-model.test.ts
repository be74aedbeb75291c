import { describe, expect, it } from 'vitest';
import { isoUpdateInputSchemas } from './iso-inputs.js';
import { getIsoProgramStateQuery, isoUpdates } from './iso-messages.js';
import { isoCertificationStartInputSchema } from './iso-model.js';
import { programWorkflowId, programWorkflowTypes } from './program.js';

describe('ISO certification contracts', () => {
  it('fills certification-body defaults into the start input', () => {
    const input = isoCertificationStartInputSchema.parse({
      programId: 'p1',
      organizationId: 'o1',
      frameworks: ['iso27001', 'iso42001'],
      startDate: '2027-01-04',
      programManagerEmail: 'pm@acme.test',
    });
    expect(input.config).toEqual({
      policy: {
        certificateValidityYears: 3,
        firstSurveillanceWithinMonths: 12,
        surveillanceIntervalMonths: 12,
        stage1ToStage2MaxGapMonths: 6,
        majorClosureMonthsAfterStage2: 6,
        findingResponseDays: 90,
        restorationWindowMonths: 6,
        suspensionMaxMonths: 6,
        recertificationWindowMonths: 12,
      },
      gapAssessmentDays: 90,
      reminderDaysBefore: [14, 7, 1],
    });
  });

  it('rejects frameworks that are not ISO management systems, duplicates and impossible dates', () => {
    const base = {
      programId: 'p1',
      organizationId: 'o1',
      startDate: '2027-01-04',
      programManagerEmail: 'pm@acme.test',
    };
    expect(isoCertificationStartInputSchema.safeParse({ ...base, frameworks: ['soc2'] }).success).toBe(false);
    expect(
      isoCertificationStartInputSchema.safeParse({ ...base, frameworks: ['iso27001', 'iso27001'] }).success,
    ).toBe(false);
    expect(isoCertificationStartInputSchema.safeParse({ ...base, frameworks: [] }).success).toBe(false);
    expect(
      isoCertificationStartInputSchema.safeParse({
        ...base,
        frameworks: ['iso27001'],
        startDate: '2027-02-30',
      }).success,
    ).toBe(false);
    expect(
      isoCertificationStartInputSchema.safeParse({
        ...base,
        frameworks: ['iso27001'],
        config: { policy: { majorClosureMonthsAfterStage2: 9 } },
      }).success,
    ).toBe(false);
  });

  it('names every update with the schema the API validates with', () => {
    expect(Object.keys(isoUpdateInputSchemas).sort()).toEqual([
      'cancelTask',
      'changeScope',
      'changeSettings',
      'closeFinding',
      'completeGapAssessment',
      'completeTask',
      'endProgram',
      'overrideRule',
      'reassignTask',
      'recordAuditOutcome',
      'recordCertificationDecision',
      'reinstateCertification',
      'scheduleAudit',
      'suspendCertification',
      'withdrawCertification',
    ]);
    for (const [name, def] of Object.entries(isoUpdates)) expect((def as { name: string }).name).toBe(name);
    const bad = isoUpdateInputSchemas.completeTask.safeParse({
      actor: 'a',
      taskId: 't',
      completedOn: '2027-01-01',
      evidence: [],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('completing a task needs at least one piece of evidence');
    expect(
      isoUpdateInputSchemas.overrideRule.safeParse({
        actor: 'a',
        rule: 'stage1-validity',
        justification: 'too short',
      }).success,
    ).toBe(false);
  });

  it('keeps the names the API relies on', () => {
    expect(getIsoProgramStateQuery.name).toBe('getProgramState');
    expect(programWorkflowTypes.ISO_CERTIFICATION).toBe('isoCertificationWorkflow');
    expect(programWorkflowId('o1', 'p1')).toBe('program:o1:p1');
  });
});
