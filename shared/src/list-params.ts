/**
 * Zod-free rules for list parameters an SPA reads from its URL on a list's first render (the
 * portal's /messages), so that page needs no zod (issue 8). `pagination.ts` builds `CursorSchema`
 * and `contracts/messaging.ts` builds `BoxSchema` from these: one source for both.
 */

/** A cursor is opaque to clients (base64url); `CursorSchema` = this pattern, at most CURSOR_MAX_LENGTH. */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;
export const CURSOR_MAX_LENGTH = 512;

/** The value if it is a well-formed cursor (what `CursorSchema.safeParse(value).data` gives), else undefined. */
export function cursorOrUndefined(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.length <= CURSOR_MAX_LENGTH && CURSOR_PATTERN.test(value) ? value : undefined;
}

/** A messaging inbox's boxes (`BoxSchema`). */
export const BOXES = ['inbox', 'sent'] as const;
export type Box = (typeof BOXES)[number];

export function isBox(value: unknown): value is Box {
  return (BOXES as readonly unknown[]).includes(value);
}
