import type { FrameworkId } from '../ids.js';
import { frameworkSchema, type Framework } from '../schema.js';
import { frameworkData } from './data.js';

// Validated at module load so a broken data edit fails the first import, in tests and in the worker alike.
export const frameworks: Readonly<Record<FrameworkId, Framework>> = Object.freeze(
  Object.fromEntries(frameworkData.map((f) => [f.id, frameworkSchema.parse(f)])) as Record<
    FrameworkId,
    Framework
  >,
);
