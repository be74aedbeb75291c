import type { AuditEventType, JsonValue } from '@certflow/contracts';

/**
 * Side effects a program decides on while it changes state. State changes (update handlers, timers) stay
 * synchronous and only queue effects; the workflow's main loop carries them out through activities in order.
 * That keeps handlers free of awaits, so validators and handlers never interleave with activity results.
 */
export interface AuditEffect {
  kind: 'audit';
  sequence: number;
  type: AuditEventType;
  actor: string | null;
  payload: { [key: string]: JsonValue };
  occurredAt: string;
}

export interface EmailEffect {
  kind: 'email';
  /** The audit event this email belongs to; with the workflow id it makes the send idempotent. */
  sequence: number;
  to: string;
  subject: string;
  text: string;
}

export type ProgramEffect = AuditEffect | EmailEffect;

/** Collects effects and hands out audit sequence numbers, which continue across continue-as-new runs. */
export class EffectQueue {
  readonly pending: ProgramEffect[] = [];
  /** The emails being sent beside the effects (patch emails-beside-effects), one batch after another. */
  mailing: Promise<void> = Promise.resolve();
  /** Whether this run sends emails beside the effects (the patch was taken). */
  sendsBeside = false;
  /** Counts the batches of emails sent beside the effects that finished, so the main loop wakes for them. */
  mailingsSettled = 0;

  constructor(
    private lastSequence: number,
    private readonly clock: () => number,
  ) {}

  get sequence(): number {
    return this.lastSequence;
  }

  audit(type: AuditEventType, actor: string | null, payload: { [key: string]: JsonValue } = {}): number {
    const sequence = ++this.lastSequence;
    this.pending.push({
      kind: 'audit',
      sequence,
      type,
      actor,
      payload,
      occurredAt: new Date(this.clock()).toISOString(),
    });
    return sequence;
  }

  /** An email that accompanies the audit event `sequence`. */
  email(sequence: number, to: string, subject: string, text: string): void {
    this.pending.push({ kind: 'email', sequence, to, subject, text });
  }
}
