import type { Readable } from 'node:stream';

/**
 * Where files (attachments, documents, logos, generated PDFs, imports) live. Keys are made by the
 * server, never taken from user input. Every instance of the API and the worker must see the same
 * files, so a deployment with more than one machine uses the S3 implementation.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /**
   * The file's bytes as a stream, returned at once; a missing file or a failing store surfaces as
   * the stream's error (as with a local `createReadStream`), so callers handle both the same way.
   */
  read(key: string): Readable;
  /** Removes the file; removing a missing file is not an error. */
  remove(key: string): Promise<void>;
}
