import { type AiRole, type CostCalculatorInput, costCalculatorInputSchema } from '@certflow/contracts/domain';

/** The form as typed: strings, turned into the calculator's input by the contracts' own schema. */
export interface CalculatorValues {
  frameworks: string[];
  personsInScope: string;
  aiPersonsInScope: string;
  aiRoles: string[];
  currency: string;
  dayRate: string;
  integrationReductionPercent: string;
  soc2FieldworkDays: string;
}

export const initialValues: CalculatorValues = {
  frameworks: ['iso27001', 'iso42001'],
  personsInScope: '50',
  aiPersonsInScope: '8',
  aiRoles: ['provider'],
  currency: 'EUR',
  dayRate: '1400',
  integrationReductionPercent: '20',
  soc2FieldworkDays: '',
};

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

export type ParsedValues =
  | { ok: true; input: CostCalculatorInput }
  | { ok: false; errors: Partial<Record<keyof CalculatorValues, string>> };

export function parseValues(values: CalculatorValues): ParsedValues {
  const wantsAi = values.frameworks.includes('iso42001');
  const result = costCalculatorInputSchema.safeParse({
    frameworks: values.frameworks,
    personsInScope: number(values.personsInScope),
    aiPersonsInScope: wantsAi ? number(values.aiPersonsInScope) : undefined,
    aiRoles: wantsAi && values.aiRoles.length > 0 ? (values.aiRoles as AiRole[]) : undefined,
    currency: values.currency.trim().toUpperCase(),
    dayRate: number(values.dayRate),
    integrationReductionPercent: number(values.integrationReductionPercent),
    soc2FieldworkDays: values.frameworks.includes('soc2') ? number(values.soc2FieldworkDays) : undefined,
  });
  if (result.success) return { ok: true, input: result.data };
  const errors: Partial<Record<keyof CalculatorValues, string>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'frameworks') as keyof CalculatorValues;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
