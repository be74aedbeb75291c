import { IDEMPOTENCY_KEY_HEADER, type CreateProgram } from '@certflow/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { programSchema, type Program, type ProgramKind } from './program-schema';

export interface CreateProgramInput {
  organizationId: string;
  name: string;
  kind: ProgramKind;
  frameworks: string[];
  startDate: string;
  programManagerEmail: string;
  config?: { certificationBody?: string };
}

export async function createProgram(input: CreateProgramInput, idempotencyKey: string): Promise<Program> {
  // The form checked kind and frameworks against the catalog and the API validates them again (a 400 names the
  // field), so widening here is safe; it also lets the form offer kinds before the contract lists them.
  const body = input as CreateProgram;
  const data = await unwrap(
    api.POST('/programs', { params: { header: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } }, body }),
  );
  return programSchema.parse(data);
}

export function useCreateProgram({ onSuccess }: { onSuccess?: (program: Program) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateProgramInput; idempotencyKey: string }) =>
      createProgram(input, idempotencyKey),
    onSuccess: async (program) => {
      await queryClient.invalidateQueries({
        queryKey: ['programs', { organizationId: program.organizationId }],
      });
      onSuccess?.(program);
    },
  });
}
