import { describe, expect, it } from 'vitest';
import { ApiRequestError, parseApiError } from './api-error';
import { ApiErrorSchema } from './errors';

// The API client reads error answers without zod; it must take what `ApiErrorSchema` describes.
describe('parseApiError', () => {
  it('reads a full error answer', () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'Invalid body',
        resource: 'thread',
        params: { min: 12, field: 'body' },
        issues: [
          { path: 'body', message: 'Required' },
          { path: 'name', message: 'Bad', code: 'invalid_characters' },
        ],
      },
    };
    expect(ApiErrorSchema.safeParse(body).success).toBe(true);
    const error = parseApiError(422, body);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Invalid body',
      resource: 'thread',
      params: { min: 12, field: 'body' },
    });
    expect(error?.issues).toEqual(body.error.issues);
  });

  it('defaults params to {} when the answer has none', () => {
    expect(parseApiError(404, { error: { code: 'not_found', message: 'Not found' } })?.params).toEqual({});
  });

  it('returns null for what is not an error answer', () => {
    for (const body of [
      null,
      'oops',
      [],
      {},
      { error: 'x' },
      { error: { code: 1, message: 'm' } },
      { error: { code: 'not_found' } },
      { error: { code: 'not_found', message: 'm', issues: [{ path: 1 }] } },
      { error: { code: 'not_found', message: 'm', params: { a: {} } } },
    ]) {
      expect(parseApiError(500, body)).toBeNull();
      expect(ApiErrorSchema.safeParse(body).success).toBe(false);
    }
  });
});
