/** Prisma's unique-constraint violation (P2002), detected by code so we need not import the generated classes. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
