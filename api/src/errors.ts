import type { ErrorCode, Resource } from '@portico/shared/errors';

/** The only class besides the framework's: a failure with a stable code and HTTP status. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly resource?: Resource,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, params?: Record<string, string | number>) => new AppError(400, code, params);
export const unauthenticated = (code: ErrorCode = 'unauthenticated') => new AppError(401, code);
export const forbidden = (code: ErrorCode = 'forbidden') => new AppError(403, code);
export const notFound = (resource: Resource) => new AppError(404, 'not_found', {}, resource);
export const conflict = (code: ErrorCode = 'conflict') => new AppError(409, code);
export const gone = (code: ErrorCode) => new AppError(410, code);
export const tooLarge = (code: ErrorCode, params?: Record<string, string | number>) => new AppError(413, code, params);
export const unsupported = (code: ErrorCode) => new AppError(415, code);
