import { calendarDateSchema } from '@certflow/contracts/domain';
import type { z } from 'zod';

/**
 * A form derived from an action's zod schema (the one the API validates with), so every workflow action gets a
 * form without a hand-written copy of its fields: strings, dates, numbers, enums, lists of objects (gaps,
 * findings, evidence) and nested settings.
 */
export type FieldSpec =
  | {
      kind: 'text' | 'textarea' | 'email' | 'url' | 'date' | 'number' | 'strings';
      name: string;
      optional: boolean;
    }
  | { kind: 'select' | 'multi'; name: string; optional: boolean; options: string[] }
  | { kind: 'boolean'; name: string; optional: boolean }
  | { kind: 'group'; name: string; optional: boolean; fields: FieldSpec[] }
  | { kind: 'list'; name: string; optional: boolean; min: number; item: FieldSpec[] };

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  values?: unknown[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  format?: string;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;
const longText = new Set(['reason', 'justification', 'description', 'note']);

/** Strips optional, default and nullable wrappers; says whether the field may be left empty. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (['optional', 'default', 'nullable', 'prefault'].includes(def.type) && def.innerType) {
      optional = true;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else return { schema: current, optional };
  }
}

function literalOptions(def: Def): string[] | undefined {
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'union' && def.options?.every((o) => defOf(o).type === 'literal')) {
    return def.options.flatMap((o) => (defOf(o).values ?? []).map(String));
  }
  return undefined;
}

function minItems(schema: z.ZodType): number {
  const checks = (
    schema as unknown as { def: { checks?: { _zod: { def: { check: string; minimum?: number } } }[] } }
  ).def.checks;
  const min = checks?.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum;
  return typeof min === 'number' ? min : 0;
}

export function fieldOf(name: string, raw: z.ZodType): FieldSpec {
  const { schema, optional } = unwrap(raw);
  const def = defOf(schema);
  const options = literalOptions(def);
  if (options) return { kind: 'select', name, optional, options };
  switch (def.type) {
    case 'string':
      if (schema === calendarDateSchema) return { kind: 'date', name, optional };
      if (def.format === 'email') return { kind: 'email', name, optional };
      if (def.format === 'url') return { kind: 'url', name, optional };
      return { kind: longText.has(name) ? 'textarea' : 'text', name, optional };
    case 'number':
      return { kind: 'number', name, optional };
    case 'boolean':
      return { kind: 'boolean', name, optional };
    case 'object':
      return { kind: 'group', name, optional, fields: fieldsOf(schema) };
    case 'array': {
      const element = unwrap(def.element!).schema;
      const elementDef = defOf(element);
      const elementOptions = literalOptions(elementDef);
      if (elementOptions) return { kind: 'multi', name, optional, options: elementOptions };
      if (elementDef.type === 'object') {
        return { kind: 'list', name, optional, min: minItems(schema), item: fieldsOf(element) };
      }
      return { kind: 'strings', name, optional };
    }
    default:
      return { kind: 'text', name, optional };
  }
}

export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = defOf(schema).shape ?? {};
  return Object.entries(shape).map(([name, field]) => fieldOf(name, field));
}

export type FormValue = string | boolean | string[] | FormValues | FormValues[];
export interface FormValues {
  [name: string]: FormValue;
}

/** The text a scalar input holds (lists and groups hold none). */
export function textOf(value: FormValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function initialValues(fields: FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, initialValue(f)]));
}

export function initialValue(field: FieldSpec): FormValue {
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'multi':
      return [];
    case 'group':
      return initialValues(field.fields);
    case 'list':
      return Array.from({ length: field.min }, () => initialValues(field.item));
    default:
      return '';
  }
}

/** The request body the form's values stand for: empty optional fields left out, numbers as numbers. */
export function toBody(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = convert(field, values[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

function convert(field: FieldSpec, value: FormValue | undefined): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true ? true : field.optional ? undefined : false;
    case 'multi':
      return Array.isArray(value) && value.length > 0 ? value : field.optional ? undefined : [];
    case 'group': {
      const nested = toBody(field.fields, (value ?? {}) as FormValues);
      return Object.keys(nested).length === 0 && field.optional ? undefined : nested;
    }
    case 'list': {
      const items = ((value ?? []) as FormValues[]).map((item) => toBody(field.item, item));
      return items.length === 0 && field.optional ? undefined : items;
    }
    case 'strings': {
      const list = textOf(value)
        .split(/[\s,]+/)
        .filter(Boolean);
      return list.length === 0 && field.optional ? undefined : list;
    }
    case 'number': {
      const text = textOf(value).trim();
      return text === '' ? (field.optional ? undefined : Number.NaN) : Number(text);
    }
    default: {
      const text = textOf(value);
      return text.trim() === '' && field.optional ? undefined : text;
    }
  }
}
