import { IDEMPOTENCY_KEY_HEADER } from '@certflow/api-client';
import { actionPath, type ProgramActionName } from '@certflow/contracts/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { ApiError, toApiError } from '@/lib/api-error';

import { programRecordsQueryKey } from './get-program-records';

/** What a refused action says: the rule, the field it is about, and the override that would allow it. */
export interface ActionRefusal {
  status: number;
  message: string;
  rule?: string;
  field?: string;
  override?: { rule: string; requiresJustification: true };
}

export function refusalOf(error: unknown): ActionRefusal | undefined {
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 422)) return undefined;
  const body = (error.body ?? {}) as Partial<ActionRefusal>;
  return {
    status: error.status,
    message: error.message,
    ...(body.rule !== undefined && { rule: body.rule }),
    ...(body.field !== undefined && { field: body.field }),
    ...(body.override !== undefined && { override: body.override }),
  };
}

type ActionPath = '/programs/{id}/actions/schedule-audit';

/**
 * Sends one workflow action. The body was built and checked against the action's own schema from
 * `@certflow/contracts/domain`, the schema the API's OpenAPI body is derived from; the path is the action's.
 */
export async function runProgramAction(
  programId: string,
  name: ProgramActionName,
  body: object,
  idempotencyKey: string,
): Promise<unknown> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await api.POST(`/programs/{id}/actions/${actionPath(name)}` as ActionPath, {
      params: { path: { id: programId }, header: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } },
      body: body as never,
    });
  } catch {
    throw new ApiError(0, 'Cannot reach the Certflow API. Check that it is running.');
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data;
}

export function useProgramAction(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, body, key }: { name: ProgramActionName; body: object; key: string }) =>
      runProgramAction(programId, name, body, key),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['programs', 'detail', programId] }),
        queryClient.invalidateQueries({ queryKey: programRecordsQueryKey(programId) }),
        queryClient.invalidateQueries({ queryKey: ['programs'], exact: false }),
      ]);
    },
  });
}
