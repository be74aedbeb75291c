import { createProgramSchema } from '@certflow/contracts/domain';
import { useState, type FormEvent } from 'react';

import { apiErrorToFormErrors, noErrors, zodToFormErrors, type FormErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';

import { createProgramBody, useCreateProgram } from '../api/create-program';
import type { Program } from '../api/program-schema';
import {
  initialProgramValues,
  programFieldsByPath,
  programFormSchema,
  type ProgramField,
  type ProgramFormValues,
} from '../components/program-form-schema';
import { programInputOf } from '../components/program-start';
import { frameworksForKind } from '../utils/labels';

/** Form state, client-side validation (the form's own words, then the API's schema) and submission. */
export function useCreateProgramForm(organizationId: string, onCreated: (program: Program) => void) {
  const [values, setValues] = useState<ProgramFormValues>(initialProgramValues);
  const [errors, setErrors] = useState<FormErrors<ProgramField>>(noErrors);
  const idempotency = useIdempotencyKey();
  const mutation = useCreateProgram({
    onSuccess: (program) => {
      idempotency.renew();
      onCreated(program);
    },
  });

  const setField = <F extends ProgramField>(field: F, value: ProgramFormValues[F]) => {
    setValues((current) => {
      const next = { ...current, [field]: value };
      // Switching kind drops frameworks the new kind cannot carry, so the checkboxes never hide a selection.
      if (field === 'kind') {
        const allowed = new Set(frameworksForKind(next.kind).map((f) => f.value));
        next.frameworks = next.frameworks.filter((f) => allowed.has(f));
      }
      return next;
    });
    // Once someone changes a field, its old error no longer describes it.
    setErrors((current) => {
      if (current.fields[field] === undefined) return current;
      const fields = { ...current.fields };
      delete fields[field];
      return { ...current, fields };
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const basic = programFormSchema.safeParse(values);
    if (!basic.success) {
      setErrors(zodToFormErrors(basic.error, programFieldsByPath));
      focusFirstInvalid(form);
      return;
    }
    const input = programInputOf(organizationId, values);
    // The API's own schema: an imported certificate or a mid-stream SOC 2 must fit together before it is sent.
    const full = createProgramSchema.safeParse(createProgramBody(input));
    if (!full.success) {
      setErrors(zodToFormErrors(full.error, programFieldsByPath));
      focusFirstInvalid(form);
      return;
    }
    setErrors(noErrors());
    mutation.mutate(
      { input, idempotencyKey: idempotency.key },
      { onError: (error) => setErrors(apiErrorToFormErrors(error, programFieldsByPath)) },
    );
  };

  return { values, errors, setField, onSubmit, submitting: mutation.isPending };
}

function focusFirstInvalid(form: HTMLFormElement) {
  // Wait for React to render the error state before looking for it.
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
