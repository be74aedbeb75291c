import type { z } from 'zod';

import { ApiError, type FieldIssue } from './api-error';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export interface FormErrors<Field extends string> {
  fields: FieldErrors<Field>;
  /** Problems that belong to no field on the form; shown in the error summary. */
  form: string[];
}

/**
 * Maps an issue path (`frameworks.0`, `config.certificationBody`) to the form field that owns it: the longest
 * entry of `fieldsByPath` that equals the path or is a dotted prefix of it.
 */
export function fieldForPath<Field extends string>(
  path: string,
  fieldsByPath: Readonly<Record<string, Field>>,
): Field | undefined {
  let best: string | undefined;
  for (const key of Object.keys(fieldsByPath)) {
    if ((path === key || path.startsWith(`${key}.`)) && (best === undefined || key.length > best.length))
      best = key;
  }
  return best === undefined ? undefined : fieldsByPath[best];
}

export function issuesToFormErrors<Field extends string>(
  issues: readonly FieldIssue[],
  fieldsByPath: Readonly<Record<string, Field>>,
): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, form: [] };
  for (const issue of issues) {
    const field = fieldForPath(issue.path, fieldsByPath);
    // One message per field is enough to act on; the first is usually the most basic one.
    if (field === undefined) result.form.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    else result.fields[field] ??= issue.message;
  }
  return result;
}

export function zodToFormErrors<Field extends string>(
  error: z.ZodError,
  fieldsByPath: Readonly<Record<string, Field>>,
): FormErrors<Field> {
  return issuesToFormErrors(
    error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    fieldsByPath,
  );
}

/** A failed submit as form errors: a 400 lands on the fields it names, anything else in the summary. */
export function apiErrorToFormErrors<Field extends string>(
  error: unknown,
  fieldsByPath: Readonly<Record<string, Field>>,
): FormErrors<Field> {
  if (!(error instanceof ApiError)) return { fields: {}, form: ['Something went wrong. Please try again.'] };
  const mapped = issuesToFormErrors(error.issues, fieldsByPath);
  if (error.issues.length === 0) mapped.form.push(error.message);
  return mapped;
}

export function hasErrors<Field extends string>(errors: FormErrors<Field>): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}

export const noErrors = <Field extends string>(): FormErrors<Field> => ({ fields: {}, form: [] });
