import { isoCertificationStartInputSchema } from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { newProgram, resetIds } from '../../../test/support/iso-rules.js';
import { IsoProgram } from './iso-program.js';

// Where an ISO program starts, as the first run records it: the initial state and the first audit events, from
// a gap assessment or from certificates the organisation already holds (initial or recertified cycle, with
// surveillance audits held, open findings, and a standard the certificate does not cover yet).

beforeEach(() => {
  resetIds();
});

const base = { programId: 'p1', organizationId: 'o1', programManagerEmail: 'pm@acme.test' };

const starts = {
  'a gap assessment': {
    frameworks: ['iso27001'],
    startDate: '2026-06-01',
    config: { certificationBody: 'CB Ltd' },
  },
  'an initial certificate with surveillance 1 held': {
    frameworks: ['iso27001', 'iso42001'],
    startDate: '2027-05-10',
    config: { certificationBody: 'CB Ltd' },
    existingCertificate: {
      certificateNumber: 'ISMS-7',
      frameworks: ['iso27001'],
      decisionDate: '2025-12-31',
      expiryDate: '2028-12-30',
      surveillanceAudits: [{ audit: 'surveillance1', lastDay: '2026-11-20' }],
      openFindings: [
        {
          severity: 'MAJOR',
          description: 'Supplier reviews missing',
          raisedOn: '2026-11-20',
          status: 'OPEN',
          requirementIds: ['iso27001:A.5.19'],
        },
      ],
    },
  },
  'a recertified cycle with both surveillance audits held': {
    frameworks: ['iso27001'],
    startDate: '2027-05-10',
    config: { certificationBody: 'CB Ltd' },
    existingCertificate: {
      certificateNumber: 'ISMS-8',
      cycle: 2,
      decisionDate: '2024-02-20',
      cycleStart: '2024-03-01',
      expiryDate: '2027-02-28',
      surveillanceAudits: [
        { audit: 'surveillance1', lastDay: '2025-02-10' },
        { audit: 'surveillance2', lastDay: '2026-01-15' },
      ],
      openFindings: [],
    },
  },
  'a recertified cycle with no audit held yet': {
    frameworks: ['iso27001'],
    startDate: '2027-05-10',
    config: { certificationBody: 'CB Ltd' },
    existingCertificate: {
      certificateNumber: 'ISMS-9',
      cycle: 3,
      decisionDate: '2027-01-20',
      cycleStart: '2027-03-01',
      expiryDate: '2030-02-28',
      surveillanceAudits: [],
      openFindings: [
        {
          severity: 'MINOR',
          description: 'Asset owners unnamed',
          raisedOn: '2027-01-10',
          status: 'PLAN_ACCEPTED',
        },
      ],
    },
  },
} as const;

describe('ISO program start', () => {
  it.each(Object.entries(starts))('from %s: the initial state and the first events', (_name, start) => {
    const input = isoCertificationStartInputSchema.parse({ ...base, ...start });
    expect(IsoProgram.initialState(input, input.startDate)).toMatchSnapshot();
    const p = newProgram({ ...start } as never);
    expect(
      p.effects.pending.map((e) => (e.kind === 'audit' ? [e.type, e.payload] : e.subject)),
    ).toMatchSnapshot();
    expect(p.nextMilestone()).toMatchSnapshot();
  });
});
