import {
  type CalendarDate,
  type CancelTaskInput,
  type CompleteTaskInput,
  type EndProgramInput,
  endProgramInputSchema,
  type JsonValue,
  type ReassignTaskInput,
  type RemediationTaskState,
  type RequirementLink,
  requirementLinksOf,
} from '@certflow/contracts';
import { EffectQueue } from './effects.js';
import { sharedPatches } from './patches.js';
import { parseOrReject } from './program-messages.js';
import { conflict, reject, violates } from './rejected-action.js';
import { RemediationTaskBook } from './remediation-tasks.js';

/** The state every program kind keeps, whatever its stages. */
export interface ProgramStateBase<Stage extends string> {
  stage: Stage;
  programManagerEmail: string;
  missedDeadlines: string[];
  tasks: RemediationTaskState[];
  lastEventSequence: number;
  endedReason?: string;
  config: { reminderDaysBefore: number[] };
}

/** A validator and a handler of one update (see `ProgramRuntime.registerUpdates`). */
export interface UpdateHandler<I> {
  check(input: I): unknown;
  apply(input: I): void;
}

/**
 * What the ISO and SOC 2 rules share: the effect queue and task book, the clock and ids the workflow injects, stage
 * changes, missed deadlines, ending the program, snapshots and the shared update handlers. `check*` methods are
 * validators (they throw `RejectedAction` and change nothing), `apply*` methods change state and queue effects.
 * The rules never read a clock themselves: the workflow passes its own.
 */
export abstract class ProgramRules<
  S extends ProgramStateBase<Stage>,
  Stage extends string,
  Rollover extends string,
> {
  readonly effects: EffectQueue;
  readonly tasks: RemediationTaskBook;
  transition: { kind: 'none' | 'ended' | Rollover } = { kind: 'none' };

  constructor(
    readonly state: S,
    protected readonly clock: () => number,
    protected readonly newId: () => string,
    /** `patched()` (through `decidePatches`) inside the workflow; everything is "patched" outside Temporal. */
    readonly isPatched: (patchId: string) => boolean,
    programLabel: string,
  ) {
    this.effects = new EffectQueue(state.lastEventSequence, clock);
    this.tasks = new RemediationTaskBook(state.tasks, this.effects, {
      reminderDaysBefore: state.config.reminderDaysBefore,
      escalateTo: () => this.state.programManagerEmail,
      programLabel,
    });
  }

  /** How emails name the program, e.g. `iso27001 + iso42001 program`. */
  abstract get label(): string;

  /** Where in the program's life events happen (`{ cycle }` or `{ period }`), added to stage and end events. */
  protected abstract get position(): { [key: string]: JsonValue };

  get today(): CalendarDate {
    return new Date(this.clock()).toISOString().slice(0, 10);
  }

  /** A new id from the workflow's deterministic generator (uuid4 inside Temporal). */
  nextId(): string {
    return this.newId();
  }

  /** Returns the audit sequence of the change, if there was one. */
  setStage(stage: Stage, actor: string | null, reason: string): number | undefined {
    const from = this.state.stage;
    if (from === stage) return undefined;
    this.state.stage = stage;
    return this.effects.audit('stage.changed', actor, { from, to: stage, reason, ...this.position });
  }

  /** Records and emails a missed deadline once per key (until the key is cleared for a new attempt). */
  missDeadline(key: string, due: CalendarDate, message: string): void {
    if (this.state.missedDeadlines.includes(key)) return;
    this.state.missedDeadlines.push(key);
    const seq = this.effects.audit('deadline.missed', null, { deadline: key, due });
    this.effects.email(
      seq,
      this.state.programManagerEmail,
      `[${this.label}] Missed deadline: ${key}`,
      message,
    );
  }

  notAfterToday(date: CalendarDate, what: string, field: string): void {
    if (date > this.today)
      reject(
        `${what} (${date}) cannot be later than today (${this.today}).`,
        violates('not-in-the-future', field),
      );
  }

  /** Crosswalk links for a new task or finding (runs recorded before `requirement-links` keep none). */
  linksFor(requirementIds: readonly string[]): RequirementLink[] | undefined {
    if (!this.isPatched(sharedPatches.requirementLinks)) return undefined;
    const links = requirementLinksOf(requirementIds);
    return links.length > 0 ? links : undefined;
  }

  // ---- ending -------------------------------------------------------------------------------------------

  checkEndProgram(raw: EndProgramInput) {
    const input = parseOrReject(endProgramInputSchema, raw);
    if ((this.state.stage as string) === 'ENDED')
      reject('The program has already ended.', conflict('program-ended'));
    return input;
  }

  applyEndProgram(raw: EndProgramInput): void {
    const input = this.checkEndProgram(raw);
    this.state.endedReason = input.reason;
    for (const task of this.tasks.open()) this.tasks.cancel(task.id, 'program ended', input.actor);
    this.setStage('ENDED' as Stage, input.actor, input.reason);
    this.effects.audit('program.ended', input.actor, { reason: input.reason, ...this.position });
    this.transition = { kind: 'ended' };
  }

  /** The task and ending updates every program kind offers. */
  protected sharedHandlers() {
    return {
      completeTask: {
        check: (i: CompleteTaskInput) => this.tasks.checkComplete(i, this.today),
        apply: (i: CompleteTaskInput) => this.tasks.applyComplete(i, this.today),
      },
      reassignTask: {
        check: (i: ReassignTaskInput) => this.tasks.checkReassign(i, this.today),
        apply: (i: ReassignTaskInput) => this.tasks.applyReassign(i, this.today),
      },
      cancelTask: {
        check: (i: CancelTaskInput) => this.tasks.checkCancel(i),
        apply: (i: CancelTaskInput) => this.tasks.applyCancel(i),
      },
      endProgram: {
        check: (i: EndProgramInput) => this.checkEndProgram(i),
        apply: (i: EndProgramInput) => this.applyEndProgram(i),
      },
    };
  }
}

/** A deep copy of plain JSON state (structuredClone is not available in the workflow sandbox). */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
