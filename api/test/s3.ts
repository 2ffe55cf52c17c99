import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startS3Server } from '../src/dev/s3-server';

/** The test bucket: `npm test` creates it on the server it starts (S3_TEST_ENDPOINT). */
export const S3_TEST_BUCKET = 'portico-test';
/** s3rver checks the access key id (it must be S3RVER), not signatures. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * An S3-compatible endpoint for a test file: S3_TEST_ENDPOINT when the test script started one,
 * otherwise a local server started here (so an S3 test never skips). `close` stops only that one.
 */
export async function s3TestEndpoint(): Promise<{ endpoint: string; close(): Promise<void> }> {
  if (process.env.S3_TEST_ENDPOINT) return { endpoint: process.env.S3_TEST_ENDPOINT, close: async () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-s3-'));
  const server = await startS3Server({ port: 0, dir, buckets: [S3_TEST_BUCKET] });
  return {
    endpoint: server.endpoint,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Environment for createTestApp that stores files in the test bucket under `prefix`. */
export const s3Env = (endpoint: string, prefix: string) => ({
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: endpoint,
  S3_BUCKET: S3_TEST_BUCKET,
  S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  S3_PREFIX: prefix,
});
