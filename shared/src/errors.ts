import { z } from 'zod';

/** Stable machine-readable codes. Clients switch on these; never rename one. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'csrf_failed',
  'payload_too_large',
  'invalid_credentials',
  'session_expired',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_needs_upper',
  'password_needs_lower',
  'password_needs_digit',
  'password_needs_symbol',
  'invitation_invalid',
  'invitation_expired',
  'invitation_used',
  'reset_token_invalid',
  'upload_too_large',
  'upload_type_not_allowed',
  'upload_missing',
  'portal_disabled',
  'no_contact_email',
  'email_taken',
  'identity_number_invalid',
  'no_customer_match',
  'no_contact_data',
  'username_taken',
  'code_invalid',
  'code_expired',
  'too_many_attempts',
  'signup_expired',
  'role_ceiling',
  'last_main_admin',
  'strong_auth_required',
  'eid_failed',
  'eid_not_linked',
  'identity_mismatch',
  'email_change_invalid',
  'invalid_transition',
  'service_unavailable',
  'invalid_characters',
  'line_breaks_not_allowed',
  'date_out_of_range',
  'malformed_request',
  'not_retryable',
  'internal_error',
  'lease_number_taken',
  'external_id_taken',
  'unit_already_leased',
  'valid_to_before_valid_from',
  'vat_not_allowed_on_residential',
  'lease_document_not_pdf',
  'lease_end_before_notice',
  'lease_still_running',
  'lease_is_active',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Resources named in `not_found` errors, so a client can tell which id was wrong. */
export const RESOURCES = [
  'route',
  'thread',
  'message',
  'lease',
  'customer',
  'contact',
  'attachment',
  'upload',
  'user',
  'landlord',
  'signup',
  'invitation',
  'session',
  'invoice',
  'case',
  'object',
  'work_order',
  'property',
  'unit',
  'delivery',
  'record',
] as const;
export const ResourceSchema = z.enum(RESOURCES);
export type Resource = z.infer<typeof ResourceSchema>;

/** The one error wire format. Both the API and the SPAs parse it with this schema. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    resource: ResourceSchema.optional(),
    /** Values the message names (`min` of a password rule, `maxMb` of an upload), for clients that translate by code. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** `code` is set where a field broke a rule with its own code (`invalid_characters`, `date_out_of_range`…). */
    issues: z.array(z.object({ path: z.string(), message: z.string(), code: ErrorCodeSchema.optional() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
