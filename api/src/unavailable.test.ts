import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDependencyUnavailable', () => {
  it('recognises Postgres and Redis going away, also when wrapped', () => {
    expect(isDependencyUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDependencyUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDependencyUnavailable(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDependencyUnavailable(withCode('08006'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(
      isDependencyUnavailable(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })),
    ).toBe(true);
    // drizzle wraps the driver's error as `cause`; a multi-address connect gives an AggregateError.
    expect(isDependencyUnavailable(new Error('Failed query: select 1', { cause: withCode('57P01') }))).toBe(true);
    expect(isDependencyUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves real faults alone, so they stay a logged 500', () => {
    expect(isDependencyUnavailable(withCode('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDependencyUnavailable(withCode('42703', 'column "x" does not exist'))).toBe(false);
    expect(isDependencyUnavailable(new Error('Failed query: select x', { cause: withCode('42P01') }))).toBe(false);
    expect(isDependencyUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
  });
});
