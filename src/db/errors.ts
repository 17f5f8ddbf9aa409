// Recognising the database errors that handlers turn into answers.

/** A unique constraint refused the write (Prisma P2002, through either adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
