import { describe, expect, it } from 'vitest';

import { type AnsweredItem, defaultTaskTitle, gapSubmission } from './gap-submission.js';

const item = (requirementId: string, status: AnsweredItem['status'], extra: Partial<AnsweredItem> = {}) => ({
  requirementId,
  status,
  ownerEmail: null,
  taskTitle: null,
  taskOwnerEmail: null,
  taskDueDate: null,
  ...extra,
});

describe('gap submission', () => {
  const items = [
    item('iso42001:7.5.3', 'implemented'),
    item('iso42001:9.2.1', 'partial', { ownerEmail: 'audit@acme.example' }),
    item('iso42001:A.6.2.8', 'not_implemented', {
      taskTitle: 'Log AI system events',
      taskOwnerEmail: 'ml-ops@acme.example',
      taskDueDate: '2027-02-01',
    }),
    item('iso42001:A.10.4', 'not_applicable'),
  ];

  it('turns each partial or missing requirement into one task, with owner and due date filled in', () => {
    const submission = gapSubmission('ISO_CERTIFICATION', items, {
      completedOn: '2026-12-01',
      ownerEmail: 'pm@acme.example',
    });
    expect(submission).toEqual({
      update: 'completeGapAssessment',
      input: {
        completedOn: '2026-12-01',
        gaps: [
          {
            title: 'Close the gap on ISO/IEC 42001 9.2.1 Internal audit: general',
            ownerEmail: 'audit@acme.example',
            dueDate: '2027-03-01',
            requirementIds: ['iso42001:9.2.1'],
          },
          {
            title: 'Log AI system events',
            ownerEmail: 'ml-ops@acme.example',
            dueDate: '2027-02-01',
            requirementIds: ['iso42001:A.6.2.8'],
          },
        ],
      },
    });
  });

  it('uses the given defaults and sends the SOC 2 readiness update with its first period', () => {
    const submission = gapSubmission('SOC2_ATTESTATION', [item('soc2:CC6.1', 'not_implemented')], {
      completedOn: '2026-12-01',
      ownerEmail: 'pm@acme.example',
      dueDate: '2027-01-15',
      firstPeriodStart: '2027-01-01',
    });
    expect(submission).toEqual({
      update: 'completeReadinessAssessment',
      input: {
        completedOn: '2026-12-01',
        firstPeriodStart: '2027-01-01',
        gaps: [
          {
            title: expect.stringMatching(/^Implement SOC 2 CC6.1 /) as string,
            ownerEmail: 'pm@acme.example',
            dueDate: '2027-01-15',
            requirementIds: ['soc2:CC6.1'],
          },
        ],
      },
    });
  });

  it('keeps titles within the workflow’s 200 characters', () => {
    expect(defaultTaskTitle('iso27001:A.8.31', 'not_implemented').length).toBeLessThanOrEqual(200);
  });
});
