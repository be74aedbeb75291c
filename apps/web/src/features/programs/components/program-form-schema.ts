import { z } from 'zod';

import { programKinds, type ProgramKind } from '../api/program-schema';
import { frameworksForKind } from '../utils/labels';

/**
 * The form's own rules for the basic fields, worded for people. The whole body is then checked with the API's
 * own schema (`createProgramSchema` of @certflow/contracts/domain), whose issues land on the fields below.
 */
export const programFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the program a name').max(200, 'Keep the name under 200 characters'),
    kind: z.enum(programKinds, { error: 'Choose what kind of program this is' }),
    frameworks: z.array(z.string()).min(1, 'Choose at least one framework'),
    startDate: z.iso.date({ error: 'Pick the day the program starts' }),
    programManagerEmail: z.email({ error: 'Enter the program manager’s email address' }),
    certificationBody: z
      .string()
      .trim()
      .max(200, 'Keep the name under 200 characters')
      .transform((value) => (value === '' ? undefined : value)),
  })
  .superRefine((values, ctx) => {
    const allowed = new Set(frameworksForKind(values.kind).map((f) => f.value));
    const stray = values.frameworks.filter((f) => !allowed.has(f));
    if (stray.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['frameworks'],
        message: 'Those frameworks do not fit this kind of program',
      });
    }
  });

/** Where the program starts and what its audits cost: the sections beyond the basic fields. */
export interface ProgramStartValues {
  /** ISO: start from a certificate already held. */
  fromCertificate: boolean;
  certificateNumber: string;
  certificateFrameworks: string[];
  decisionDate: string;
  expiryDate: string;
  certificateCycle: string;
  surveillance1: string;
  surveillance2: string;
  /** SOC 2: an observation period already under way. */
  periodUnderWay: boolean;
  currentStart: string;
  currentEnd: string;
  /** SOC 2: a Type II report already issued. */
  reportIssued: boolean;
  reportStart: string;
  reportEnd: string;
  reportIssuedOn: string;
  reportOpinion: string;
  // Audit settings.
  personsInScope: string;
  aiPersonsInScope: string;
  aiRoles: string[];
  fieldworkDays: string;
  currency: string;
  dayRate: string;
}

export type ProgramFormValues = z.input<typeof programFormSchema> & ProgramStartValues;
export type ProgramField = keyof ProgramFormValues;

/** API (and contracts) issue paths → form fields; `frameworks.1` and the like fall under `frameworks`. */
export const programFieldsByPath: Record<string, ProgramField> = {
  name: 'name',
  kind: 'kind',
  frameworks: 'frameworks',
  startDate: 'startDate',
  programManagerEmail: 'programManagerEmail',
  'config.certificationBody': 'certificationBody',
  'config.cpaFirm': 'certificationBody',
  existingCertificate: 'certificateNumber',
  'existingCertificate.certificateNumber': 'certificateNumber',
  'existingCertificate.frameworks': 'certificateFrameworks',
  'existingCertificate.decisionDate': 'decisionDate',
  'existingCertificate.cycleStart': 'decisionDate',
  'existingCertificate.expiryDate': 'expiryDate',
  'existingCertificate.cycle': 'certificateCycle',
  'existingCertificate.surveillanceAudits': 'surveillance1',
  currentPeriod: 'currentStart',
  'currentPeriod.start': 'currentStart',
  'currentPeriod.end': 'currentEnd',
  lastReport: 'reportStart',
  'lastReport.periodStart': 'reportStart',
  'lastReport.periodEnd': 'reportEnd',
  'lastReport.issuedOn': 'reportIssuedOn',
  'lastReport.opinion': 'reportOpinion',
  firstPeriodStart: 'currentStart',
  'settings.personsInScope': 'personsInScope',
  'settings.aiPersonsInScope': 'aiPersonsInScope',
  'settings.aiRoles': 'aiRoles',
  'settings.fieldworkDays': 'fieldworkDays',
  'settings.terms': 'dayRate',
  'settings.terms.currency': 'currency',
  'settings.terms.dayRate': 'dayRate',
};

export function todayAsCalendarDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function initialProgramValues(kind: ProgramKind = 'ISO_CERTIFICATION'): ProgramFormValues {
  return {
    name: '',
    kind,
    frameworks: [],
    startDate: todayAsCalendarDate(),
    programManagerEmail: '',
    certificationBody: '',
    fromCertificate: false,
    certificateNumber: '',
    certificateFrameworks: [],
    decisionDate: '',
    expiryDate: '',
    certificateCycle: '1',
    surveillance1: '',
    surveillance2: '',
    periodUnderWay: false,
    currentStart: '',
    currentEnd: '',
    reportIssued: false,
    reportStart: '',
    reportEnd: '',
    reportIssuedOn: '',
    reportOpinion: '',
    personsInScope: '',
    aiPersonsInScope: '',
    aiRoles: [],
    fieldworkDays: '',
    currency: '',
    dayRate: '',
  };
}
