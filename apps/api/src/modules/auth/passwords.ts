import { randomBytes } from 'node:crypto';

import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * argon2id with OWASP's first recommended set (19 MiB, 2 passes, 1 lane): about 30-60 ms per hash on one of our
 * cores, memory-hard against GPUs (ADR 0009). Parameters live in each PHC string, so raising them later only
 * affects new hashes.
 */
export const ARGON2ID_OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum, which isolated modules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;

/** What a new password must be; a 400 names the field that carries it. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'must be at most 256 characters');

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email, or an SSO-only account) it still spends
 * the time of one verification, so the answer's timing does not tell whether the account exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A password for generated accounts (demo users, first admin): 20 characters from a 64-letter alphabet. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
