import { isoActionBodySchemas, soc2ActionBodySchemas } from '@certflow/contracts/domain';
import { describe, expect, it } from 'vitest';

import { fieldsOf, initialValues, toBody } from './fields';

describe('forms derived from an action’s schema', () => {
  it('turns the audit enum into a choice and the date into a date field', () => {
    const fields = fieldsOf(isoActionBodySchemas.scheduleAudit);
    expect(fields).toEqual([
      expect.objectContaining({ kind: 'select', name: 'audit', optional: false }),
      { kind: 'date', name: 'date', optional: false },
    ]);
    expect(fields[0]).toMatchObject({
      options: expect.arrayContaining(['internal-audit', 'stage1']) as string[],
    });
  });

  it('builds lists of objects (gaps) and leaves empty optional fields out of the body', () => {
    const fields = fieldsOf(isoActionBodySchemas.completeGapAssessment);
    expect(fields.find((f) => f.name === 'gaps')).toMatchObject({ kind: 'list', optional: true, min: 0 });
    const values = {
      ...initialValues(fields),
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Policy',
          ownerEmail: 'a@b.test',
          dueDate: '2026-07-01',
          requirementIds: 'iso27001:A.5.1, iso27001:A.5.2',
        },
      ],
    };
    const body = toBody(fields, values);
    expect(body).toEqual({
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Policy',
          ownerEmail: 'a@b.test',
          dueDate: '2026-07-01',
          requirementIds: ['iso27001:A.5.1', 'iso27001:A.5.2'],
        },
      ],
    });
    expect(isoActionBodySchemas.completeGapAssessment.safeParse(body).success).toBe(true);
  });

  it('starts required lists with their minimum (evidence) and reads numbers and nested settings', () => {
    const task = fieldsOf(isoActionBodySchemas.completeTask);
    expect((initialValues(task).evidence as unknown[]).length).toBe(1);
    const settings = fieldsOf(soc2ActionBodySchemas.changeSettings);
    const body = toBody(settings, {
      ...initialValues(settings),
      reason: 'New quote',
      settings: { fieldworkDays: '12.5', typeIDays: '', terms: { currency: 'EUR', dayRate: '1800' } },
    });
    expect(body).toMatchObject({
      reason: 'New quote',
      settings: { fieldworkDays: 12.5, terms: { currency: 'EUR', dayRate: 1800 } },
    });
    expect(soc2ActionBodySchemas.changeSettings.safeParse(body).success).toBe(true);
  });

  it('reports what the schema refuses by the field path the form shows it on', () => {
    const fields = fieldsOf(isoActionBodySchemas.recordCertificationDecision);
    const body = toBody(fields, { ...initialValues(fields), decidedOn: '2026-10-01', outcome: 'REFUSED' });
    const result = isoActionBodySchemas.recordCertificationDecision.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });
});
