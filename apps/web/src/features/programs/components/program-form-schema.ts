import { z } from 'zod';

import { programKinds, type ProgramKind } from '../api/program-schema';
import { frameworksForKind } from '../utils/labels';

/**
 * The form's own rules, worded for people. They mirror the API's so most mistakes never leave the browser;
 * whatever the API still rejects comes back as a 400 and lands on the same fields.
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

export type ProgramFormValues = z.input<typeof programFormSchema>;
export type ProgramField = keyof ProgramFormValues;

/** API issue paths → form fields; `frameworks.1` and the like fall under `frameworks`. */
export const programFieldsByPath: Record<string, ProgramField> = {
  name: 'name',
  kind: 'kind',
  frameworks: 'frameworks',
  startDate: 'startDate',
  programManagerEmail: 'programManagerEmail',
  'config.certificationBody': 'certificationBody',
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
  };
}
