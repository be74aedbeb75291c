import { soc2AttestationStartInputSchema } from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetIds, startedProgram } from '../../../test/support/soc2-rules.js';
import { Soc2Program } from './soc2-program.js';

// Where a SOC 2 program starts, as the first run records it: the initial state and the first audit events, for
// each origin (a readiness assessment, a period under way, a report already issued).

beforeEach(() => {
  resetIds();
});

const base = {
  programId: 'p1',
  organizationId: 'o1',
  programManagerEmail: 'pm@acme.test',
};

const starts = {
  readiness: { startDate: '2026-11-02', firstPeriodStart: '2027-01-01', config: { cpaFirm: 'Audit & Co' } },
  'a period under way': {
    startDate: '2027-05-10',
    currentPeriod: { start: '2027-01-01', end: '2027-12-31' },
  },
  'a report and the period under way': {
    startDate: '2027-05-10',
    lastReport: {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      issuedOn: '2027-03-01',
      opinion: 'QUALIFIED',
    },
    currentPeriod: { start: '2027-01-01', end: '2027-06-30' },
  },
  'a report already issued': {
    startDate: '2027-05-10',
    lastReport: {
      periodStart: '2026-04-01',
      periodEnd: '2027-03-31',
      issuedOn: '2027-05-02',
      opinion: 'UNMODIFIED',
    },
  },
} as const;

describe('SOC 2 program start', () => {
  it.each(Object.entries(starts))('from %s: the initial state and the first events', (_name, start) => {
    const input = soc2AttestationStartInputSchema.parse({ ...base, ...start });
    expect(Soc2Program.initialState(input, input.startDate)).toMatchSnapshot();
    const p = startedProgram({ ...start });
    expect(
      p.effects.pending.map((e) => (e.kind === 'audit' ? [e.type, e.payload] : e.subject)),
    ).toMatchSnapshot();
  });
});
