import { IDEMPOTENCY_KEY_HEADER, type CreateProgram } from '@certflow/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { programSchema, type Program, type ProgramKind } from './program-schema';

type IsoBody = Extract<CreateProgram, { kind: 'ISO_CERTIFICATION' }>;
type Soc2Body = Extract<CreateProgram, { kind: 'SOC2_ATTESTATION' }>;

export interface CreateProgramInput {
  organizationId: string;
  name: string;
  kind: ProgramKind;
  frameworks: string[];
  startDate: string;
  programManagerEmail: string;
  config?: { certificationBody?: string };
  /** ISO: the certificate the organisation already holds. */
  existingCertificate?: IsoBody['existingCertificate'];
  /** SOC 2 mid-stream: the period under way and/or the last report issued. */
  currentPeriod?: Soc2Body['currentPeriod'];
  lastReport?: Soc2Body['lastReport'];
  /** Audit time and cost inputs, in the kind's own shape. */
  settings?: IsoBody['settings'] | Soc2Body['settings'];
}

type IsoFramework = IsoBody['frameworks'][number];
const isIsoFramework = (framework: string): framework is IsoFramework =>
  framework === 'iso27001' || framework === 'iso42001';
const isSoc2Framework = (framework: string): framework is 'soc2' => framework === 'soc2';

/**
 * The API body for each kind. The form's one "certification body" field is the CPA firm of a SOC 2 attestation.
 * The form already rejects frameworks the kind cannot carry, so a mismatch here is a bug, not a user mistake;
 * how many frameworks a kind takes is left to the API (a 400 naming `frameworks`).
 */
export function createProgramBody(input: CreateProgramInput): CreateProgram {
  // The organisation is in the path, not the body.
  const {
    config,
    kind,
    frameworks,
    organizationId: _organizationId,
    existingCertificate,
    currentPeriod,
    lastReport,
    settings,
    ...common
  } = input;
  const auditor = config?.certificationBody;
  if (kind === 'SOC2_ATTESTATION' && frameworks.every(isSoc2Framework)) {
    return {
      ...common,
      kind,
      frameworks,
      ...(auditor ? { config: { cpaFirm: auditor } } : {}),
      ...(currentPeriod ? { currentPeriod } : {}),
      ...(lastReport ? { lastReport } : {}),
      ...(settings ? { settings: settings as Soc2Body['settings'] } : {}),
    };
  }
  if (kind === 'ISO_CERTIFICATION' && frameworks.every(isIsoFramework)) {
    return {
      ...common,
      kind,
      frameworks,
      ...(auditor ? { config: { certificationBody: auditor } } : {}),
      ...(existingCertificate ? { existingCertificate } : {}),
      ...(settings ? { settings: settings as IsoBody['settings'] } : {}),
    };
  }
  throw new Error(`Frameworks ${frameworks.join(', ')} do not fit a ${kind} program`);
}

export async function createProgram(input: CreateProgramInput, idempotencyKey: string): Promise<Program> {
  const body = createProgramBody(input);
  const data = await unwrap(
    api.POST('/organizations/{organizationId}/programs', {
      params: {
        path: { organizationId: input.organizationId },
        header: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      },
      body,
    }),
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
