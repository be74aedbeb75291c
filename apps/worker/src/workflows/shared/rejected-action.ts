/**
 * Why an action was refused, carried to the API in the failure's details so it can answer 409 (the program is not
 * where the action applies: wrong stage, already done, ended, unknown task) or 422 (a rule refused it), name the
 * rule and the field it concerns, and say when an override with a justification would let it through.
 */
/** The shape is `ActionRejection` of @certflow/contracts, which the API reads back from the failure details. */
export interface Rejection {
  /** Stable name of the rule, e.g. `stage1-prerequisites`, `fieldwork-window`, `program-ended`. */
  rule: string;
  kind: 'conflict' | 'rule' | 'invalid';
  /** Dotted path of the input field the rule is about, when there is one. */
  field?: string;
  /** The override (`overrideRule` with a justification) that would allow the action. */
  override?: string;
}

/** Thrown by validators; its message is shown to the user as is, so it says what to do, not where it failed. */
export class RejectedAction extends Error {
  override name = 'RejectedAction';

  constructor(
    message: string,
    readonly rejection: Rejection,
  ) {
    super(message);
  }
}

export function reject(message: string, why: Rejection): never {
  throw new RejectedAction(message, why);
}

/** The program is not in a state where the action applies (stage, already done, ended, unknown id). */
export function conflict(rule: string): Rejection {
  return { rule, kind: 'conflict' };
}

/** A rule of the program refuses the action; `override` names the override that would allow it. */
export function violates(rule: string, field?: string, override?: string): Rejection {
  return {
    rule,
    kind: 'rule',
    ...(field !== undefined && { field }),
    ...(override !== undefined && { override }),
  };
}
