import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { IdParams } from '../../common/id-params.schema.js';
import { NewTaskComment, TaskComment, TaskDetail } from './tasks.schemas.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** The task with its requirement, crosswalk links, program, finding, evidence and comments. */
  @Get('tasks/:id')
  @Allow('tasks.read', ofResource('task'))
  @ZodResponse({ status: 200, type: TaskDetail })
  get(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.tasks.detail(caller, id);
  }

  /** Adds a comment (audited as task.comment-added); a control owner comments on their own tasks only. */
  @Post('tasks/:id/comments')
  @Allow('tasks.work', ofResource('task'))
  @ZodResponse({ status: 201, type: TaskComment })
  comment(@Param() { id }: IdParams, @Body() body: NewTaskComment, @CurrentCaller() caller: Caller) {
    return this.tasks.comment(caller, id, body.body);
  }
}
