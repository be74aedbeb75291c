import { actionPath, type ProgramAction, programActions } from '@certflow/contracts';
import { z } from 'zod';

import { createUnionZodDto, createZodDto } from '../../common/zod-dto.js';

/**
 * One request body per action, derived from the message's own schema without `actor`. An action both program
 * kinds offer with different inputs (overrideRule, changeSettings) documents both; the program's kind picks the
 * one that validates.
 */

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

type Dto = ReturnType<typeof createZodDto>;

function bodyDtoOf(action: ProgramAction): Dto {
  const schemas = [...new Set(Object.values(action.bodies))] as z.ZodObject[];
  const name = `${pascal(action.name)}Action`;
  const base =
    schemas.length === 1
      ? createZodDto(schemas[0]!)
      : createUnionZodDto(z.union(schemas as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]));
  // DTO class names become the OpenAPI component names (and the generated client's type names).
  return { [name]: class extends base {} }[name] as Dto;
}

export interface ActionRoute {
  action: ProgramAction;
  path: string;
  /** Name of the controller method. */
  method: string;
  body: Dto;
}

export const actionRoutes: ActionRoute[] = programActions.map((action) => ({
  action,
  path: actionPath(action.name),
  method: action.name,
  body: bodyDtoOf(action),
}));

export const acceptedActionSchema = z.object({
  programId: z.uuid(),
  action: z.string(),
  accepted: z.literal(true).describe('The workflow received the message; its effects follow asynchronously'),
});
export class AcceptedAction extends createZodDto(acceptedActionSchema) {}
