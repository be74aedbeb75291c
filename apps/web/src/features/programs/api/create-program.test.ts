import { describe, expect, it } from 'vitest';

import { createProgramBody, type CreateProgramInput } from './create-program';

const organizationId = '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b';
const common = {
  name: 'Trust services report',
  startDate: '2026-01-05',
  programManagerEmail: 'pm@acme.example',
};

describe('createProgramBody', () => {
  it('sends a SOC 2 attestation with the auditor as its CPA firm, and the organisation only in the path', () => {
    const input: CreateProgramInput = {
      ...common,
      organizationId,
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      config: { certificationBody: 'Example CPA LLP' },
    };
    expect(createProgramBody(input)).toEqual({
      ...common,
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      config: { cpaFirm: 'Example CPA LLP' },
    });
  });

  it('sends an ISO certification with its certification body, and no config when none is given', () => {
    const input: CreateProgramInput = {
      ...common,
      organizationId,
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso27001', 'iso42001'],
    };
    expect(createProgramBody(input)).toEqual({
      ...common,
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso27001', 'iso42001'],
    });
    expect(createProgramBody({ ...input, config: { certificationBody: 'Example CB' } })).toMatchObject({
      config: { certificationBody: 'Example CB' },
    });
  });

  it('refuses frameworks the kind cannot carry', () => {
    expect(() =>
      createProgramBody({ ...common, organizationId, kind: 'SOC2_ATTESTATION', frameworks: ['iso27001'] }),
    ).toThrow(/do not fit a SOC2_ATTESTATION program/);
  });
});
