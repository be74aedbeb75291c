import { Inject, Injectable } from '@nestjs/common';
import { can, permissionRoles } from '@certflow/contracts/access';
import {
  type CalendarDate,
  combinedSchedule,
  type IntegratedAuditSuggestion,
  type ScheduleItem,
  type ScheduleOptions,
  schedulingRefusals,
  UnknownScheduleItemError,
  whatIf,
  withinRange,
} from '@certflow/contracts/domain';
import type { z } from 'zod';

import type { Caller } from '../../access/principal.js';
import { CLOCK, type Clock, utcDay } from '../../common/clock.js';
import { ActionRejectedError, InputValidationError } from '../../common/domain-errors.js';
import { ProgramActionsService } from '../program-actions/program-actions.service.js';
import { regulatoryDates } from './regulatory-dates.js';
import type {
  acceptedSuggestionSchema,
  acceptSuggestionBodySchema,
  combinedScheduleQuerySchema,
  combinedScheduleSchema,
  integratedAuditSuggestionSchema,
  whatIfBodySchema,
  whatIfResultSchema,
} from './schedule.schemas.js';
import { ScheduleSource } from './schedule-source.js';

type Options = Omit<ScheduleOptions, 'today'>;
const optionsOf = (q: Options): Options => ({
  ownerWeeklyTaskLimit: q.ownerWeeklyTaskLimit,
  bridgeLetterWarningDays: q.bridgeLetterWarningDays,
  windowDays: q.windowDays,
  integrationReductionPercent: q.integrationReductionPercent,
});

/**
 * The combined schedule of every program the caller may see, its conflicts and integrated-audit suggestions, the
 * what-if of moving one audit (nothing is written), and accepting a suggestion, which schedules both audits through
 * the program-actions service so each workflow applies its own rules (docs/adr/0018-combined-schedule.md).
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly actions: ProgramActionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): CalendarDate {
    return utcDay(this.clock.now());
  }

  async combined(
    caller: Caller,
    query: z.infer<typeof combinedScheduleQuerySchema>,
  ): Promise<z.infer<typeof combinedScheduleSchema>> {
    const today = this.today();
    const input = await this.source.load(caller, { ...query, overloadedAbove: query.ownerWeeklyTaskLimit });
    const schedule = combinedSchedule(input, { ...optionsOf(query), today });
    const inRange = (date: CalendarDate) =>
      (!query.from || date >= query.from) && (!query.to || date <= query.to);
    return {
      today,
      items: withinRange(schedule.items, query.from, query.to).map((i) => this.item(caller, i)),
      regulatoryDates: regulatoryDates().filter((d) => inRange(d.date)),
      conflicts: schedule.conflicts.filter((c) => inRange(c.date)),
      suggestions: schedule.suggestions.filter((s) => inRange(s.date)).map((s) => this.suggestion(caller, s)),
    };
  }

  async whatIf(
    caller: Caller,
    body: z.infer<typeof whatIfBodySchema>,
  ): Promise<z.infer<typeof whatIfResultSchema>> {
    const input = await this.source.load(caller, { overloadedAbove: body.ownerWeeklyTaskLimit });
    try {
      const result = whatIf(
        input,
        { itemId: body.itemId, date: body.date },
        { ...optionsOf(body), today: this.today() },
      );
      return {
        item: this.item(caller, result.item),
        from: result.from,
        to: result.to,
        refusals: result.refusals,
        missedDeadlines: result.missedDeadlines,
        conflictsAdded: result.conflictsAdded,
        conflictsRemoved: result.conflictsRemoved,
        suggestions: result.suggestions.map((s) => this.suggestion(caller, s)),
        cost: can(caller.role, 'cost.read') ? result.cost : { before: [], after: [] },
      };
    } catch (error) {
      if (error instanceof UnknownScheduleItemError) {
        throw new InputValidationError([{ path: 'itemId', message: error.message }]);
      }
      throw error;
    }
  }

  /**
   * Schedules both audits of a suggestion on its day (or another day of its window) through their workflows. The
   * pure rules are checked first so a refusal usually comes before anything changes; if the second workflow still
   * refuses, the first audit is put back on its previous day and the refusal is answered.
   */
  async accept(
    caller: Caller,
    body: z.infer<typeof acceptSuggestionBodySchema>,
  ): Promise<z.infer<typeof acceptedSuggestionSchema>> {
    const today = this.today();
    const input = await this.source.load(caller, { overloadedAbove: body.ownerWeeklyTaskLimit });
    const schedule = combinedSchedule(input, { ...optionsOf(body), today });
    const suggestion = schedule.suggestions.find((s) => s.id === body.suggestionId);
    if (!suggestion) {
      // Suggestions are computed, not stored: one that is gone was accepted or overtaken by a change.
      throw new ActionRejectedError(
        'conflict',
        `The schedule no longer offers ${body.suggestionId}: it was accepted or the audits have moved.`,
        'suggestion-not-offered',
        'suggestionId',
      );
    }
    const date = body.date ?? suggestion.date;
    if (date < suggestion.window.from || date > suggestion.window.to) {
      throw new ActionRejectedError(
        'rule',
        `${date} is outside the days both audits allow (${suggestion.window.from} to ${suggestion.window.to}).`,
        'integrated-audit-window',
        'date',
      );
    }
    const items = suggestion.audits.map((a) => schedule.items.find((i) => i.id === a.itemId)!);
    for (const item of items) {
      const [refusal] = schedulingRefusals(item, date, today);
      if (refusal) throw new ActionRejectedError('rule', refusal.message, refusal.rule, 'date');
    }
    const done: ScheduleItem[] = [];
    try {
      for (const item of items) {
        await this.actions.run(
          caller,
          item.programId,
          'scheduleAudit',
          { audit: item.kind, date },
          undefined,
        );
        done.push(item);
      }
    } catch (error) {
      for (const item of done.filter((i) => i.scheduled && i.scheduled >= today)) {
        await this.actions
          .run(caller, item.programId, 'scheduleAudit', { audit: item.kind, date: item.scheduled }, undefined)
          .catch(() => undefined); // the refusal below is the answer; the trail shows both reschedules
      }
      throw error;
    }
    return {
      suggestionId: suggestion.id,
      date,
      scheduled: items.map((i) => ({ programId: i.programId, audit: i.kind, date })),
    };
  }

  private item(caller: Caller, item: ScheduleItem) {
    return { ...item, plannedCost: can(caller.role, 'cost.read') ? item.plannedCost : null };
  }

  private suggestion(
    caller: Caller,
    s: IntegratedAuditSuggestion,
  ): z.infer<typeof integratedAuditSuggestionSchema> {
    const cost = can(caller.role, 'cost.read');
    return {
      ...s,
      audits: [...s.audits],
      costSaved: cost ? s.costSaved : null,
      currency: cost ? s.currency : null,
      acceptableBy: [...permissionRoles['programs.operate']],
      canAccept: can(caller.role, 'programs.operate'),
    };
  }
}
