/** The environment contract of the test suite: a missing variable fails with a message that says what to set. */
export function requireEnv(name: string, why: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${why} (scripts/test.sh sets it).`);
  return value;
}
