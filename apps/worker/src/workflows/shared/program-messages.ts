import {
  CertflowAtRisk,
  CertflowFrameworks,
  CertflowNextMilestoneAt,
  CertflowOrganizationId,
  CertflowProgramKind,
  CertflowStage,
  type ProgramKind,
  startOfDayMs,
  type CalendarDate,
} from '@certflow/contracts';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { ApplicationFailure, upsertSearchAttributes } from '@temporalio/workflow';
import type { z } from 'zod';
import { reject, RejectedAction } from './rejected-action.js';

/** Pieces every program workflow needs around its messages. */

/** A start input that fails its schema fails the workflow for good: retrying cannot fix it. */
export function parseStartInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `Invalid program input: ${parsed.error.message}`,
      'InvalidProgramInput',
    );
  }
  return parsed.data;
}

/** Parses an update input in a validator; the first problem becomes a message that names the field. */
export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
    reject(`Invalid input: ${where}${first?.message ?? 'unknown problem'}`, {
      rule: 'input',
      kind: 'invalid',
      ...(field !== undefined && { field }),
    });
  }
  return result.data;
}

/**
 * Validator and handler errors become failures whose message the user reads as is; the rejection (rule, kind,
 * field, override) travels as the failure's details. Rejected updates never reach the history, so the details
 * change no recorded run.
 */
export function readable(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof RejectedAction) {
      throw ApplicationFailure.create({
        message: err.message,
        type: 'RejectedAction',
        nonRetryable: true,
        details: [err.rejection],
      });
    }
    throw err;
  }
}

export interface ProgramListAttributes {
  organizationId: string;
  kind: ProgramKind;
  frameworks: string[];
  stage: string;
  nextMilestone: CalendarDate | null;
  atRisk: boolean;
}

/** Upserts the typed search attributes when they changed; returns the key to pass next time. */
export function publishSearchAttributes(values: ProgramListAttributes, previous: string): string {
  const key = JSON.stringify(values);
  if (key === previous) return previous;
  const pairs: SearchAttributeUpdatePair[] = [
    { key: CertflowOrganizationId, value: values.organizationId },
    { key: CertflowProgramKind, value: values.kind },
    { key: CertflowFrameworks, value: values.frameworks },
    { key: CertflowStage, value: values.stage },
    {
      key: CertflowNextMilestoneAt,
      value: values.nextMilestone ? new Date(startOfDayMs(values.nextMilestone)) : null,
    },
    { key: CertflowAtRisk, value: values.atRisk },
  ];
  upsertSearchAttributes(pairs);
  return key;
}
