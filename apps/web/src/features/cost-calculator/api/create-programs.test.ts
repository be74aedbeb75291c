import { costCalculatorInputSchema, createProgramSchema } from '@certflow/contracts/domain';
import { describe, expect, it } from 'vitest';

import { initialValues, parseValues } from '../components/calculator-values';
import { programBodies } from './create-programs';

describe('programs from the calculator’s result', () => {
  const input = costCalculatorInputSchema.parse({
    frameworks: ['iso27001', 'iso42001', 'soc2'],
    personsInScope: 120,
    aiPersonsInScope: 6,
    aiRoles: ['developer', 'provider'],
    currency: 'EUR',
    dayRate: 1350.5,
    integrationReductionPercent: 15,
    soc2FieldworkDays: 6,
  });
  const bodies = programBodies({
    organizationId: 'ignored',
    input,
    startDate: '2027-01-04',
    programManagerEmail: 'pm@acme.example',
  });

  it('makes one integrated ISO program and one SOC 2 attestation the API accepts', () => {
    expect(bodies.map((b) => [b.kind, b.frameworks])).toEqual([
      ['ISO_CERTIFICATION', ['iso27001', 'iso42001']],
      ['SOC2_ATTESTATION', ['soc2']],
    ]);
    for (const body of bodies) expect(createProgramSchema.safeParse(body).error?.issues).toBeUndefined();
  });

  it('carries the figures the result came from into the program settings', () => {
    expect(bodies[0]).toMatchObject({
      settings: {
        personsInScope: 120,
        aiPersonsInScope: 6,
        aiRoles: ['developer', 'provider'],
        integrationReductionPercent: 15,
        terms: { currency: 'EUR', dayRate: 1350.5 },
      },
    });
    expect(bodies[1]).toMatchObject({ settings: { fieldworkDays: 6, terms: { currency: 'EUR' } } });
  });
});

describe('the calculator form', () => {
  it('parses the initial values', () => {
    expect(parseValues(initialValues).ok).toBe(true);
  });

  it('names the fields that are wrong', () => {
    const parsed = parseValues({ ...initialValues, personsInScope: '0', aiRoles: [], currency: 'euro' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.keys(parsed.errors).sort()).toEqual(['aiRoles', 'currency', 'personsInScope']);
  });
});
