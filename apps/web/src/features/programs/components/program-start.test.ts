import { createProgramSchema } from '@certflow/contracts/domain';
import { describe, expect, it } from 'vitest';

import { createProgramBody } from '../api/create-program';
import { initialProgramValues, programFieldsByPath } from './program-form-schema';
import { programInputOf } from './program-start';

const organizationId = '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b';
const base = {
  ...initialProgramValues(),
  name: 'AIMS on top of the ISMS',
  startDate: '2026-12-01',
  programManagerEmail: 'pm@acme.example',
};

describe('the create request from the form', () => {
  it('starts an ISO 42001 + 27001 program from a 27001 certificate, with its audit settings', () => {
    const body = createProgramBody(
      programInputOf(organizationId, {
        ...base,
        frameworks: ['iso27001', 'iso42001'],
        certificationBody: 'Example CB',
        fromCertificate: true,
        certificateNumber: 'ISMS-0042',
        certificateFrameworks: ['iso27001'],
        decisionDate: '2025-03-01',
        expiryDate: '2028-02-28',
        surveillance1: '2026-02-10',
        personsInScope: '120',
        aiPersonsInScope: '15',
        aiRoles: ['developer', 'provider'],
        currency: 'eur',
        dayRate: '1400',
      }),
    );
    expect(body).toMatchObject({
      kind: 'ISO_CERTIFICATION',
      config: { certificationBody: 'Example CB' },
      existingCertificate: {
        certificateNumber: 'ISMS-0042',
        frameworks: ['iso27001'],
        cycle: 1,
        surveillanceAudits: [{ audit: 'surveillance1', lastDay: '2026-02-10' }],
      },
      settings: {
        personsInScope: 120,
        aiPersonsInScope: 15,
        aiRoles: ['developer', 'provider'],
        terms: { currency: 'EUR', dayRate: 1400 },
      },
    });
    expect(createProgramSchema.safeParse(body).success).toBe(true);
  });

  it('starts a SOC 2 program mid-period after its last report', () => {
    const body = createProgramBody(
      programInputOf(organizationId, {
        ...base,
        kind: 'SOC2_ATTESTATION',
        frameworks: ['soc2'],
        periodUnderWay: true,
        currentStart: '2026-07-01',
        currentEnd: '2027-06-30',
        reportIssued: true,
        reportStart: '2025-07-01',
        reportEnd: '2026-06-30',
        reportIssuedOn: '2026-08-15',
        reportOpinion: 'UNMODIFIED',
        fieldworkDays: '10',
      }),
    );
    expect(body).toMatchObject({
      currentPeriod: { start: '2026-07-01', end: '2027-06-30' },
      lastReport: { issuedOn: '2026-08-15', opinion: 'UNMODIFIED' },
      settings: { fieldworkDays: 10 },
    });
    expect(createProgramSchema.safeParse(body).success).toBe(true);
  });

  it('refuses what the API would refuse, on a path the form maps to its field', () => {
    const body = createProgramBody(
      programInputOf(organizationId, {
        ...base,
        frameworks: ['iso27001'],
        fromCertificate: true,
        certificateNumber: 'C-1',
        decisionDate: '2025-03-01',
        expiryDate: '2025-01-01',
      }),
    );
    const result = createProgramSchema.safeParse(body);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining(['existingCertificate.expiryDate', 'config.certificationBody']),
    );
    expect(
      paths.every((p) => Object.keys(programFieldsByPath).some((k) => p === k || p.startsWith(`${k}.`))),
    ).toBe(true);
  });
});
