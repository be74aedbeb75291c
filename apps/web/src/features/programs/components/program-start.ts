import type { CreateProgramInput } from '../api/create-program';
import type { ProgramFormValues } from './program-form-schema';

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
const given = <T extends object>(value: T) =>
  Object.values(value).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
const compact = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;

/**
 * The create request the form's values stand for: the basic fields, where the program starts (an ISO certificate
 * already held; a SOC 2 period under way or a report already issued) and the audit settings. Checked afterwards
 * with the API's own schema, whose issues come back onto the fields.
 */
export function programInputOf(organizationId: string, v: ProgramFormValues): CreateProgramInput {
  const iso = v.kind === 'ISO_CERTIFICATION';
  const auditor = v.certificationBody.trim();
  const dayRate = number(v.dayRate);
  const terms =
    v.currency.trim() !== '' || dayRate !== undefined
      ? { currency: v.currency.trim().toUpperCase(), dayRate: dayRate ?? Number.NaN }
      : undefined;
  const withAi = v.frameworks.includes('iso42001');
  const settings = iso
    ? compact({
        personsInScope: number(v.personsInScope),
        ...(withAi && { aiPersonsInScope: number(v.aiPersonsInScope) }),
        ...(withAi &&
          v.aiRoles.length > 0 && {
            aiRoles: v.aiRoles as ('producer' | 'developer' | 'provider' | 'user')[],
          }),
        terms,
      })
    : compact({ fieldworkDays: number(v.fieldworkDays), terms });
  const surveillanceAudits = [
    ...(v.surveillance1 ? [{ audit: 'surveillance1' as const, lastDay: v.surveillance1 }] : []),
    ...(v.surveillance2 ? [{ audit: 'surveillance2' as const, lastDay: v.surveillance2 }] : []),
  ];
  return {
    organizationId,
    name: v.name,
    kind: v.kind,
    frameworks: v.frameworks,
    startDate: v.startDate,
    programManagerEmail: v.programManagerEmail,
    ...(auditor ? { config: { certificationBody: auditor } } : {}),
    ...(iso && v.fromCertificate
      ? {
          existingCertificate: {
            certificateNumber: v.certificateNumber,
            decisionDate: v.decisionDate,
            expiryDate: v.expiryDate,
            cycle: number(v.certificateCycle) ?? 1,
            surveillanceAudits,
            ...(v.certificateFrameworks.length > 0 && {
              frameworks: v.certificateFrameworks as ('iso27001' | 'iso42001')[],
            }),
          },
        }
      : {}),
    ...(!iso && v.periodUnderWay ? { currentPeriod: { start: v.currentStart, end: v.currentEnd } } : {}),
    ...(!iso && v.reportIssued
      ? {
          lastReport: {
            periodStart: v.reportStart,
            periodEnd: v.reportEnd,
            issuedOn: v.reportIssuedOn,
            opinion: v.reportOpinion as 'UNMODIFIED',
          },
        }
      : {}),
    ...(given(settings) ? { settings } : {}),
  };
}
