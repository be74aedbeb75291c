/** Thrown by validators; its message is shown to the user as is, so it says what to do, not where it failed. */
export class RejectedAction extends Error {
  override name = 'RejectedAction';
}

export function reject(message: string): never {
  throw new RejectedAction(message);
}
