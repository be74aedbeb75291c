import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../programs/idempotency-key.decorator.js';
import { ProgramDetail } from '../programs/programs.schemas.js';
import { AcceptedAction, actionRoutes, type ActionRoute } from './program-actions.schemas.js';
import { ProgramActionsService } from './program-actions.service.js';

/**
 * `POST /programs/{id}/actions/{action}`: one route per workflow action, generated from the actions the contracts
 * derive from the message schemas, so the OpenAPI document (and the generated client) types each body and a new
 * workflow action gets its route without a hand-written copy of its fields.
 */
@ApiTags('program actions')
@Controller('programs/:id/actions')
export class ProgramActionsController {
  constructor(readonly actions: ProgramActionsService) {}
}

type Handler = (
  this: ProgramActionsController,
  params: IdParams,
  body: unknown,
  idempotencyKey: string | undefined,
  caller: Caller,
  res: Response,
) => Promise<object>;

function declare(route: ActionRoute): void {
  const { action } = route;
  const handler: Handler = async function (params, body, idempotencyKey, caller, res) {
    const { status, body: answer } = await this.actions.run(
      caller,
      params.id,
      action.name,
      body,
      idempotencyKey,
    );
    res.status(status);
    return answer;
  };
  Object.defineProperty(handler, 'name', { value: route.method });
  const prototype = ProgramActionsController.prototype as unknown as Record<string, Handler>;
  prototype[route.method] = handler;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.method)!;
  Param()(prototype, route.method, 0);
  Body()(prototype, route.method, 1);
  IdempotencyKey()(prototype, route.method, 2);
  CurrentCaller()(prototype, route.method, 3);
  Res({ passthrough: true })(prototype, route.method, 4);
  Reflect.defineMetadata(
    'design:paramtypes',
    [IdParams, Object, String, Object, Object],
    prototype,
    route.method,
  );
  const kinds = Object.keys(action.bodies)
    .map((k) => (k === 'ISO_CERTIFICATION' ? 'ISO certification' : 'SOC 2 attestation'))
    .join(' and ');
  const decorators = [
    Post(route.path),
    Allow(action.permission, ofResource('program')),
    ApiOperation({
      operationId: `ProgramActionsController_${route.method}`,
      summary: `${action.message === 'signal' ? 'Signal' : 'Update'} ${action.name} (${kinds})`,
    }),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Repeat the action safely: the same key and body return the first answer and run nothing again',
    }),
    ApiBody({ type: route.body }),
    action.message === 'signal'
      ? ApiAcceptedResponse({ type: AcceptedAction.Output, description: 'Delivered to the workflow' })
      : ZodResponse({
          status: 200,
          type: ProgramDetail,
          description: 'The program with its state after the action',
        }),
    ApiConflictResponse({
      type: ErrorResponse.Output,
      description:
        'The program is not where the action applies (code action_conflict, with the rule: wrong stage, already ' +
        'done, ended), or the Idempotency-Key was used for another request',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorResponse.Output,
      description: 'Temporal was unreachable; retry',
    }),
    ...(action.message === 'update'
      ? [
          ApiUnprocessableEntityResponse({
            type: ErrorResponse.Output,
            description:
              'A rule refused the action (code rule_violation): the workflow’s message, the rule, the field, ' +
              'and the override that would allow it (record it with override-rule and a justification)',
          }),
        ]
      : []),
  ];
  for (const decorate of decorators) decorate(prototype, route.method, descriptor);
  Object.defineProperty(prototype, route.method, descriptor);
}

for (const route of actionRoutes) declare(route);
