import { finished, Readable } from 'node:stream';
import { AppError } from '../errors';
import { checkKey } from './keys';
import type { Storage } from './types';

/**
 * What both stores share, so a missing file or a failing store looks the same whichever is
 * configured: keys are checked here (server-made UUIDs only), reads are lazy streams whose
 * errors are `file_missing` (404) or `storage_unavailable` (503), and write failures are
 * `storage_unavailable`. The error handler answers both with their code before any byte is sent
 * (a stream that fails before its first chunk never starts the response; plugins/errors.ts).
 */
export function guardStorage(raw: Storage, isMissing: (err: unknown) => boolean): Storage {
  const unavailable = (err: unknown) => withCause(new AppError(503, 'storage_unavailable'), err);
  const classify = (err: unknown) => {
    if (err instanceof AppError) return err;
    return isMissing(err) ? withCause(new AppError(404, 'file_missing'), err) : unavailable(err);
  };
  return {
    async put(key, data) {
      checkKey(key);
      await raw.put(key, data).catch((err) => {
        throw unavailable(err);
      });
    },
    read(key) {
      checkKey(key);
      return lazyStream(() => raw.read(key), classify);
    },
    async remove(key) {
      checkKey(key);
      await raw.remove(key).catch((err) => {
        if (!isMissing(err)) throw unavailable(err);
      });
    },
  };
}

/**
 * Keeps what the log line needs (plugins/errors.ts) and nothing more: an SDK error carries the
 * raw HTTP exchange, signed request headers included, which must never reach a log.
 */
function withCause(err: AppError, cause: unknown) {
  const e = (cause ?? {}) as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const summary = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : undefined,
    status: typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined,
    message: typeof e.message === 'string' ? e.message.slice(0, 300) : String(cause).slice(0, 300),
  };
  Object.defineProperty(err, 'cause', { value: summary, enumerable: false });
  return err;
}

/** True for the storage errors this module makes (so the error handler can drop the file's headers). */
export const isStorageError = (err: unknown): err is AppError =>
  err instanceof AppError && (err.code === 'file_missing' || err.code === 'storage_unavailable');

/**
 * A Readable returned at once that opens the source on the first read (so a stream nobody reads,
 * e.g. an e-mail attachment of a send that failed first, holds no file handle or connection),
 * passes its bytes with back-pressure, and fails with the classified error. A source that closes
 * without ending (a connection cut mid-body) is an error too, never a silently short file.
 */
function lazyStream(open: () => Readable, classify: (err: unknown) => Error): Readable {
  let source: Readable | undefined;
  const out = new Readable({
    read() {
      if (source) {
        source.resume();
        return;
      }
      try {
        source = open();
      } catch (err) {
        out.destroy(classify(err));
        return;
      }
      source.on('data', (chunk: Buffer) => {
        if (!out.push(chunk)) source!.pause();
      });
      finished(source, (err) => {
        if (out.destroyed) return;
        if (err) out.destroy(classify(err));
        else out.push(null);
      });
    },
    destroy(err, callback) {
      source?.destroy();
      callback(err);
    },
  });
  return out;
}
