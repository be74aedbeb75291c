import { type CreateProgram, IDEMPOTENCY_KEY_HEADER } from '@certflow/api-client';
import { calculatorIsoSettings, type CostCalculatorInput } from '@certflow/contracts/domain';
import { getFramework } from '@certflow/catalog';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export interface ProgramsFromResult {
  organizationId: string;
  input: CostCalculatorInput;
  startDate: string;
  programManagerEmail: string;
}

/**
 * The programs the calculator's answer describes: one ISO program for the ISO standards wanted (one integrated
 * audit when both are), one SOC 2 attestation; each starts with the settings the figures came from, so its own
 * audit plan quotes the same days and cost.
 */
export function programBodies({
  input,
  startDate,
  programManagerEmail,
}: ProgramsFromResult): CreateProgram[] {
  const iso = input.frameworks.filter((f) => f === 'iso27001' || f === 'iso42001');
  const terms = { currency: input.currency, dayRate: input.dayRate };
  const bodies: CreateProgram[] = [];
  if (iso.length > 0) {
    const settings = calculatorIsoSettings(input);
    bodies.push({
      name: `${iso.map((f) => getFramework(f).shortName).join(' + ')} certification`,
      kind: 'ISO_CERTIFICATION',
      frameworks: iso,
      startDate,
      programManagerEmail,
      settings: {
        personsInScope: settings.personsInScope,
        ...(settings.aiPersonsInScope ? { aiPersonsInScope: settings.aiPersonsInScope } : {}),
        ...(settings.aiRoles ? { aiRoles: settings.aiRoles } : {}),
        integrationReductionPercent: settings.integrationReductionPercent,
        ...(iso.length > 1 ? { integrationReason: 'Integrated management system (cost calculator)' } : {}),
        terms,
      },
    });
  }
  if (input.frameworks.includes('soc2')) {
    bodies.push({
      name: 'SOC 2 Type II attestation',
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      startDate,
      programManagerEmail,
      settings: { ...(input.soc2FieldworkDays ? { fieldworkDays: input.soc2FieldworkDays } : {}), terms },
    });
  }
  return bodies;
}

export function useCreateProgramsFromResult(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ProgramsFromResult) => {
      const created: { id: string; name: string }[] = [];
      for (const [index, body] of programBodies(request).entries()) {
        const program = await unwrap(
          api.POST('/organizations/{organizationId}/programs', {
            params: {
              path: { organizationId: request.organizationId },
              header: { [IDEMPOTENCY_KEY_HEADER]: `${idempotencyKey}-${index}` },
            },
            body,
          }),
        );
        created.push({ id: program.id, name: program.name });
      }
      return created;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}
