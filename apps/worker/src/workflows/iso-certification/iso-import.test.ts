import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  events,
  newProgram,
  payloads,
  resetIds,
  runUntil,
} from '../../../test/support/iso-rules.js';

// A program started from a certificate the organisation already holds runs from that point with every rule
// applying: the next surveillance deadline, recertification before expiry, lapse and restoration.

beforeEach(() => {
  resetIds();
});

const cb = { certificationBody: 'Example Certification Ltd' };

describe('ISO program: starting from an existing certificate', () => {
  it('takes the cycle of an initial certificate and its open findings, then applies the surveillance deadline', () => {
    const p = newProgram({
      startDate: '2026-11-02',
      config: cb,
      existingCertificate: {
        certificateNumber: 'ISMS-0042',
        decisionDate: '2026-03-10',
        expiryDate: '2029-03-09',
        openFindings: [
          {
            severity: 'MINOR',
            description: 'Backups are not restored in tests',
            requirementIds: ['iso27001:A.8.13'],
            raisedOn: '2026-02-20',
            status: 'PLAN_ACCEPTED',
          },
        ],
      },
    });
    expect(p.state).toMatchObject({
      cycle: 1,
      stage: 'SURVEILLANCE_1',
      certificate: { frameworks: ['iso27001'], number: 'ISMS-0042', origin: 'existing-certificate' },
      dates: {
        decisionDate: '2026-03-10',
        cycleStart: '2026-03-10',
        expiryDate: '2029-03-09',
        surveillance1Due: '2027-03-10',
        recertificationEarliest: '2028-03-10',
      },
    });
    expect(p.state.findings).toMatchObject([
      {
        auditId: 'stage2',
        status: 'PLAN_ACCEPTED',
        responseDue: '2026-05-21',
        requirementIds: ['iso27001:A.8.13'],
      },
    ]);
    expect(p.state.tasks).toHaveLength(1);
    expect(events(p)).toEqual(['program.started', 'finding.raised', 'task.created']);
    expect(payloads(p, 'program.started')[0]).toMatchObject({
      origin: 'existing-certificate',
      certificateNumber: 'ISMS-0042',
      certifiedFrameworks: ['iso27001'],
    });
    expect(p.nextMilestone()).toEqual({ kind: 'surveillance1-due', due: '2027-03-10' });
    runUntil(p, '2027-03-10');
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    at('2027-03-11');
    p.tick();
    expect(p.state).toMatchObject({
      stage: 'SUSPENDED',
      suspension: { since: '2027-03-11', until: '2027-09-10' },
    });
  });

  it('continues after surveillance audit 1 with the second one in the next calendar year', () => {
    const p = newProgram({
      startDate: '2027-03-01',
      config: cb,
      existingCertificate: {
        certificateNumber: 'ISMS-0042',
        decisionDate: '2026-03-10',
        expiryDate: '2029-03-09',
        surveillanceAudits: [{ audit: 'surveillance1', lastDay: '2027-02-20' }],
      },
    });
    expect(p.state).toMatchObject({
      stage: 'SURVEILLANCE_2',
      dates: { surveillance2Earliest: '2028-01-01', surveillance2Due: '2028-02-20' },
      audits: { surveillance1: { lastDay: '2027-02-20' } },
    });
    at('2027-12-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-01-10' });
  });

  it('imports a recertified cycle and lets it lapse at expiry, with restoration open for six months', () => {
    const p = newProgram({
      startDate: '2027-12-01',
      config: cb,
      existingCertificate: {
        certificateNumber: 'ISMS-0042-R2',
        cycle: 3,
        decisionDate: '2025-12-01',
        cycleStart: '2026-01-15',
        expiryDate: '2029-01-14',
        surveillanceAudits: [
          { audit: 'surveillance1', lastDay: '2026-11-20' },
          { audit: 'surveillance2', lastDay: '2027-11-15' },
        ],
      },
    });
    expect(p.state).toMatchObject({
      cycle: 3,
      stage: 'RECERTIFICATION',
      dates: { surveillance1Due: '2027-01-14' },
    });
    expect(p.nextMilestone()).toEqual({ kind: 'certificate-expiry', due: '2029-01-14' });
    runUntil(p, '2029-01-15');
    expect(p.state).toMatchObject({ stage: 'LAPSED', dates: { restorationDeadline: '2029-07-14' } });
  });

  it('gives a standard not on the certificate its own Stage 1 and Stage 2', () => {
    const p = newProgram({
      frameworks: ['iso27001', 'iso42001'],
      startDate: '2026-11-02',
      config: cb,
      existingCertificate: {
        certificateNumber: 'ISMS-0042',
        frameworks: ['iso27001'],
        decisionDate: '2026-03-10',
        expiryDate: '2029-03-09',
      },
    });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001']);
    expect(p.state.extension).toEqual({ framework: 'iso42001', requestedOn: '2026-11-02', stage: 'STAGE1' });
    expect(events(p)).toEqual(['program.started', 'scope.changed']);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2026-12-01' });
  });

  it('lets a certificate that expired before the program started lapse on the first day', () => {
    const p = newProgram({
      startDate: '2027-04-01',
      config: cb,
      existingCertificate: {
        certificateNumber: 'ISMS-0001',
        decisionDate: '2024-03-20',
        expiryDate: '2027-03-19',
        surveillanceAudits: [
          { audit: 'surveillance1', lastDay: '2025-03-01' },
          { audit: 'surveillance2', lastDay: '2026-02-10' },
        ],
      },
    });
    p.tick();
    expect(p.state).toMatchObject({ stage: 'LAPSED', dates: { restorationDeadline: '2027-09-19' } });
    expect(p.snapshot().atRiskReasons).toEqual(['missed:certificate-expiry', 'certificate-lapsed']);
  });
});
