/** Limits the SPAs show in their texts, without zod, so a page can name them without loading the contracts. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
