import { describe, expect, it } from 'vitest';
import { isoCertificationStartInputSchema } from './iso-model.js';
import { soc2AttestationStartInputSchema } from './soc2-model.js';

const iso = {
  programId: 'p1',
  organizationId: 'o1',
  frameworks: ['iso27001', 'iso42001'],
  startDate: '2027-06-01',
  programManagerEmail: 'pm@acme.test',
  config: { certificationBody: 'Example CB' },
};
const certificate = {
  certificateNumber: 'ISMS-0042',
  frameworks: ['iso27001'],
  decisionDate: '2026-03-10',
  expiryDate: '2029-03-09',
  surveillanceAudits: [],
};
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('starting an ISO program from a certificate already held', () => {
  it('accepts a certificate with its surveillance audits and open findings', () => {
    const input = isoCertificationStartInputSchema.parse({
      ...iso,
      existingCertificate: {
        ...certificate,
        surveillanceAudits: [{ audit: 'surveillance1', lastDay: '2027-02-20' }],
        openFindings: [
          {
            severity: 'MINOR',
            description: 'Backups untested',
            requirementIds: ['iso27001:A.8.13'],
            raisedOn: '2027-02-20',
          },
        ],
      },
    });
    expect(input.existingCertificate).toMatchObject({ cycle: 1, openFindings: [{ status: 'OPEN' }] });
  });

  it('names what does not fit: the CB, the policy, dates in the future, the scope', () => {
    const r = isoCertificationStartInputSchema.safeParse({
      ...iso,
      config: {},
      existingCertificate: {
        ...certificate,
        frameworks: ['iso27001'],
        decisionDate: '2027-07-01',
        expiryDate: '2030-07-01',
        surveillanceAudits: [{ audit: 'surveillance2', lastDay: '2027-08-01' }],
        openFindings: [
          { severity: 'MAJOR', description: 'x', requirementIds: ['soc2:CC6.1'], raisedOn: '2027-05-01' },
        ],
      },
    });
    expect(issues(r)).toEqual([
      'existingCertificate.surveillanceAudits: surveillance audit 2 follows surveillance audit 1',
      'config.certificationBody: name the certification body that issued the certificate',
      "existingCertificate.expiryDate: a cycle starting 2027-07-01 ends by 2030-06-30 under the certification body's policy",
      'existingCertificate.decisionDate: the decision must precede the program start',
      'existingCertificate.surveillanceAudits.0.lastDay: must already have taken place',
      "existingCertificate.openFindings.0.requirementIds: soc2:CC6.1 is outside the program's scope",
    ]);
  });
});

describe('starting a SOC 2 program mid-stream', () => {
  const soc2 = {
    programId: 'p1',
    organizationId: 'o1',
    startDate: '2027-06-01',
    programManagerEmail: 'pm@acme.test',
  };

  it('accepts a period under way, or a last report with a later period', () => {
    expect(
      soc2AttestationStartInputSchema.safeParse({
        ...soc2,
        currentPeriod: { start: '2027-01-01', end: '2027-12-31' },
      }).success,
    ).toBe(true);
    expect(
      soc2AttestationStartInputSchema.safeParse({
        ...soc2,
        lastReport: {
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          issuedOn: '2027-02-15',
          opinion: 'UNMODIFIED',
        },
        currentPeriod: { start: '2027-04-01', end: '2027-09-30' },
      }).success,
    ).toBe(true);
  });

  it('refuses periods that do not fit, naming the field', () => {
    expect(
      issues(
        soc2AttestationStartInputSchema.safeParse({
          ...soc2,
          currentPeriod: { start: '2027-01-01', end: '2028-01-01' },
        }),
      ),
    ).toEqual(['currentPeriod.end: an observation period lasts at most 12 months']);
    expect(
      issues(
        soc2AttestationStartInputSchema.safeParse({
          ...soc2,
          firstPeriodStart: '2027-07-01',
          lastReport: {
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            issuedOn: '2027-06-02',
            opinion: 'QUALIFIED',
          },
          currentPeriod: { start: '2026-12-01', end: '2027-11-30' },
        }),
      ),
    ).toEqual([
      'firstPeriodStart: a program started mid-stream takes its periods from currentPeriod or lastReport',
      'lastReport.issuedOn: the report must already be issued when the program starts',
      'currentPeriod.start: the period under way starts after the reported one (2026-12-31)',
    ]);
  });
});
