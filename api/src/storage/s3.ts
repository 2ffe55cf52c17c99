import { PassThrough, pipeline, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';
import { guardStorage } from './guard';
import { objectPath } from './keys';
import type { Storage } from './types';

export type S3StorageConfig = Extract<Config['storage'], { driver: 's3' }>;

/**
 * The SDK client's limits (docs/storage.md): a store that does not accept a connection within
 * 3 s, or goes quiet for 30 s mid-transfer, is an error rather than a hung request; each call is
 * tried 3 times in all (the SDK's standard retry mode: throttling, 5xx and network errors, with
 * jittered back-off), so a brief blip costs a little latency, a real outage a 503.
 */
export const S3_CLIENT_LIMITS = { connectionTimeout: 3_000, socketTimeout: 30_000, maxAttempts: 3 } as const;

/** `prefix` as a folder: no leading slash, one trailing slash, or nothing. */
export function normalisePrefix(prefix: string) {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/** Files in one bucket of an S3-compatible store, at `<prefix><2 chars>/<key>` (the local layout). */
export function createS3Storage(config: S3StorageConfig): Storage & { client: S3Client; objectKey(key: string): string } {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    maxAttempts: S3_CLIENT_LIMITS.maxAttempts,
    requestHandler: { connectionTimeout: S3_CLIENT_LIMITS.connectionTimeout, socketTimeout: S3_CLIENT_LIMITS.socketTimeout },
    // S3-compatible servers (MinIO releases, Ceph, R2, s3rver) may not know the newer default
    // CRC checksum headers; send and check them only where the operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = normalisePrefix(config.prefix);
  const objectKey = (key: string) => `${prefix}${objectPath(key)}`;
  const Bucket = config.bucket;

  const store = guardStorage(
    {
      async put(key, data) {
        await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: data, ContentLength: data.length }));
      },
      read(key) {
        const out = new PassThrough();
        const abort = new AbortController();
        // The reader gave up (client went away) before or while the body arrived: stop the request.
        out.once('close', () => abort.abort());
        client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }), { abortSignal: abort.signal }).then(
          (res) => {
            const body = res.Body as Readable;
            // pipeline passes the body's errors on to `out` and destroys the body when `out` closes early.
            pipeline(body, out, () => undefined);
          },
          (err) => out.destroy(err),
        );
        return out;
      },
      async remove(key) {
        // Deleting a missing object succeeds in S3 (204), so removal is idempotent as it is on disk.
        await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      },
    },
    isMissingObject,
  );
  return { ...store, client, objectKey };
}

/** S3's answer for an absent object: NoSuchKey on GET (NotFound on HEAD), or a bare 404. */
function isMissingObject(err: unknown) {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  // A wrong bucket is a misconfiguration (503, logged), not a lost file.
  if (e?.name === 'NoSuchBucket' || e?.Code === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.Code === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
