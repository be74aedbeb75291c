import {
  type ReadModelDelta,
  type ReadModelRows,
  addNoteSignal,
  addNoteSignalInputSchema,
  attachEvidenceSignal,
  attachEvidenceSignalInputSchema,
  type CalendarDate,
  startOfDayMs,
} from '@certflow/contracts';
import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { EffectQueue } from './effects.js';
import { sharedPatches } from './patches.js';
import { publishSearchAttributes, readable, type ProgramListAttributes } from './program-messages.js';
import type { UpdateHandler } from './program-rules.js';
import { ReadModelProjector } from './read-model/projector.js';
import { flushEmailsBeside, projectStage, runEffects, type ProgramIdentity } from './run-effects.js';

type HandlerInput<H> = H extends UpdateHandler<infer I> ? I : never;

/** What every program kind's rules object offers the workflow (IsoProgram, Soc2Program). */
export interface RunnableProgram<S> {
  readonly effects: EffectQueue;
  readonly tasks: {
    attachEvidence(taskId: string, evidence: { title: string; uri: string }, actor: string): void;
  };
  readonly transition: { kind: string };
  tick(): void;
  snapshot(): S;
  nextWakeUp(): CalendarDate | undefined;
}

export interface ProgramSnapshot {
  stage: string;
  lastEventSequence: number;
}

/**
 * The parts of a program workflow that do not depend on its kind: update handlers that wake the main loop,
 * the shared signals, and the loop itself (effects → search attributes → projection → end, roll over, or wait).
 */
export class ProgramRuntime<S extends ProgramSnapshot> {
  /** Bumped by every accepted message, so the main loop's wait ends when something changed. */
  private version = 0;
  private readonly projector: ReadModelProjector<S>;

  constructor(
    private readonly program: RunnableProgram<S>,
    private readonly identity: ProgramIdentity,
    readModelRows: (snapshot: S) => ReadModelRows,
  ) {
    this.projector = new ReadModelProjector(readModelRows);
  }

  /** The read-model rows that changed since the last projection, versioned by the last audit sequence. */
  private readonly project = (): ReadModelDelta | undefined => {
    const snapshot = this.program.snapshot();
    return this.projector.delta(snapshot, snapshot.lastEventSequence, new Date(Date.now()).toISOString());
  };

  /** An update whose validator is `check` and whose handler is `apply`; rejections read as plain messages. */
  registerUpdate<I>(update: UpdateDefinition<S, [I]>, handler: UpdateHandler<I>): void {
    setHandler(
      update,
      (arg: I) => {
        readable(() => handler.apply(arg));
        this.version++;
        return this.program.snapshot();
      },
      { validator: (arg: I) => void readable(() => handler.check(arg)) },
    );
  }

  /** Every update of a program kind, each with the handler of the same name from the rules. */
  registerUpdates<H extends Record<string, UpdateHandler<never>>>(
    definitions: { [K in keyof H]: UpdateDefinition<S, [HandlerInput<H[K]>]> },
    handlers: H,
  ): void {
    for (const name of Object.keys(handlers) as (keyof H & string)[]) {
      this.registerUpdate(definitions[name], handlers[name] as UpdateHandler<HandlerInput<H[typeof name]>>);
    }
  }

  /** Signals cannot be rejected, so malformed ones are dropped rather than failing the workflow. */
  registerSharedSignals(): void {
    setHandler(addNoteSignal, (raw) => {
      const note = addNoteSignalInputSchema.safeParse(raw);
      if (!note.success) return;
      this.program.effects.audit('note.added', note.data.actor, { note: note.data.note });
      this.version++;
    });
    setHandler(attachEvidenceSignal, (raw) => {
      const signal = attachEvidenceSignalInputSchema.safeParse(raw);
      if (!signal.success) return;
      this.program.tasks.attachEvidence(signal.data.taskId, signal.data.evidence, signal.data.actor);
      this.version++;
    });
  }

  /**
   * Runs until the program ends (returns its final snapshot) or its cycle/period rolls over (continues as new,
   * also when the server suggests it).
   */
  async run(options: {
    listAttributes: (snapshot: S) => ProgramListAttributes;
    rollsOver: () => boolean;
    continueAsNew: () => Promise<never>;
  }): Promise<S> {
    const { program, identity } = this;
    let publishedAttributes = '';
    let projectedStage = '';
    for (;;) {
      // Taken before any await: an update that lands while effects run must wake the next wait.
      const seen = this.version;
      // Emails sent beside the effects wake the loop too: a run may be due to continue as new once they are done.
      const mailingsSeen = program.effects.mailingsSettled;
      program.tick();
      // Runs recorded before the read model keep projecting the stage alone (projectProgram).
      const project = patched(sharedPatches.readModel) ? this.project : undefined;
      await runEffects(program.effects, identity, project);

      const snapshot = program.snapshot();
      publishedAttributes = publishSearchAttributes(options.listAttributes(snapshot), publishedAttributes);
      if (!project && snapshot.stage !== projectedStage) {
        projectedStage = snapshot.stage;
        await projectStage(
          identity.programId,
          snapshot.stage,
          snapshot.stage === 'ENDED' ? 'COMPLETED' : 'RUNNING',
        );
      }

      if (program.transition.kind === 'ended') {
        await condition(allHandlersFinished);
        await runEffects(program.effects, identity, project);
        if (program.effects.sendsBeside) await flushEmailsBeside(program.effects, identity, project);
        return program.snapshot();
      }
      if (options.rollsOver() || workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await runEffects(program.effects, identity, project);
        if (program.effects.sendsBeside) await flushEmailsBeside(program.effects, identity, project);
        return await options.continueAsNew();
      }

      const changed = () =>
        this.version !== seen ||
        program.effects.pending.length > 0 ||
        program.effects.mailingsSettled !== mailingsSeen;
      const wake = program.nextWakeUp();
      if (wake === undefined) await condition(changed);
      else await condition(changed, Math.max(1, startOfDayMs(wake) - Date.now()));
    }
  }
}
