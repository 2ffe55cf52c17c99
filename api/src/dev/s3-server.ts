/**
 * A local S3-compatible server (s3rver) for tests and for trying STORAGE_DRIVER=s3 without a cloud
 * account: objects are files under S3_SERVER_DIR. It checks request shapes, not signatures, so it
 * proves our S3 calls and keys, not credentials. `npm test` starts it on a free port.
 *
 *   S3_SERVER_PORT=0 S3_SERVER_DIR=/tmp/s3 S3_SERVER_BUCKETS=portico tsx src/dev/s3-server.ts
 * prints `s3 server on http://127.0.0.1:<port>` once it listens.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error s3rver ships no types; its constructor and run/close are all we use.
import S3rver from 's3rver';

export type S3Server = { endpoint: string; close(): Promise<void> };

export async function startS3Server(opts: { port?: number; dir: string; buckets: string[] }): Promise<S3Server> {
  mkdirSync(opts.dir, { recursive: true });
  const server = new S3rver({
    port: opts.port ?? 0,
    address: '127.0.0.1',
    directory: opts.dir,
    silent: true,
    configureBuckets: opts.buckets.map((name) => ({ name })),
  });
  const { port } = (await server.run()) as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, close: () => server.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startS3Server({
    port: Number(process.env.S3_SERVER_PORT ?? 0),
    dir: process.env.S3_SERVER_DIR ?? '.data/s3',
    buckets: (process.env.S3_SERVER_BUCKETS ?? 'portico').split(',').filter(Boolean),
  });
  console.log(`s3 server on ${server.endpoint}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
}
