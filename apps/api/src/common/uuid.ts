const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID in either case, checked before it reaches a `@db.Uuid` column (which would throw). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
