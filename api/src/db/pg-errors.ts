/**
 * The unique constraint a Postgres error broke, or null when it was not a unique violation (23505).
 * drizzle wraps driver errors, so the code may sit on the error or on its `cause`.
 */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  if (e.cause?.code === '23505') return e.cause.constraint ?? '';
  if (e.code === '23505') return e.constraint ?? '';
  return null;
}
