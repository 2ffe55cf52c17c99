import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';
import { ApiScopeSchema } from './api-scopes';

/** Every key's secret starts with this, so it is recognisable in logs and secret scanners. */
export const API_KEY_PREFIX = 'ptk_';
/** How many leading characters of the secret the list shows (`ptk_` and 8 more). */
export const API_KEY_SHOWN_PREFIX_LENGTH = 12;

export const ApiKeyStatusSchema = z.enum(['active', 'expired', 'revoked']);
export type ApiKeyStatus = z.infer<typeof ApiKeyStatusSchema>;

export const ApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The secret's first characters, e.g. `ptk_3fA9x1Qz`, to tell keys apart. */
  prefix: z.string(),
  scopes: z.array(ApiScopeSchema),
  status: ApiKeyStatusSchema,
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  /** To the minute: the key's use is recorded at most once a minute. */
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

/** The answer to a create: the key and, this once only, its secret. */
export const ApiKeyCreatedSchema = ApiKeySchema.extend({
  secret: z.string().meta({ description: 'The full key. Shown once: Portico keeps only its hash.' }),
});
export type ApiKeyCreated = z.infer<typeof ApiKeyCreatedSchema>;

export const ApiKeyPageSchema = cursorPageOf(ApiKeySchema);
export type ApiKeyPage = z.infer<typeof ApiKeyPageSchema>;

/** Every key of the landlord, revoked and expired ones included, newest first. */
export const ApiKeyListQuerySchema = CursorQuerySchema;
export type ApiKeyListQuery = z.infer<typeof ApiKeyListQuerySchema>;

export const ApiKeyParamsSchema = z.object({ apiKeyId: z.uuid() });

export const ApiKeyCreateSchema = z.object({
  name: oneLine().min(1).max(100),
  /** At least one; `<area>:write` includes `<area>:read`. */
  scopes: z
    .array(ApiScopeSchema)
    .min(1)
    .max(14)
    .transform((s) => [...new Set(s)]),
  /** Optional; must lie in the future. Without it the key works until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ApiKeyCreate = z.input<typeof ApiKeyCreateSchema>;
