import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { S3_TEST_BUCKET, S3_TEST_CREDENTIALS, s3TestEndpoint } from '../../test/s3';
import { loadConfig } from '../config';
import { createStorage, type Storage } from './index';
import { createLocalStorage } from './local';
import { createS3Storage, normalisePrefix } from './s3';

/**
 * One contract, two stores: local disk in a temp dir, and S3 against S3_TEST_ENDPOINT (started
 * by `npm test`) or, when that is unset, a local S3-compatible server started here. Never skipped.
 */
const BUCKET = S3_TEST_BUCKET;
const RUN = randomUUID().slice(0, 8);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'portico-storage-'));
const s3 = await s3TestEndpoint();
const endpoint = s3.endpoint;

afterAll(async () => {
  await s3.close();
  rmSync(tmp, { recursive: true, force: true });
});

const s3Config = (prefix: string, over: { endpoint?: string; bucket?: string } = {}) => ({
  driver: 's3' as const,
  endpoint: over.endpoint ?? endpoint,
  region: 'eu-north-1',
  bucket: over.bucket ?? BUCKET,
  credentials: S3_TEST_CREDENTIALS,
  forcePathStyle: true,
  prefix,
});

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `space` names an isolated area of one store (a directory, a key prefix). */
const stores: [string, (space: string) => Storage][] = [
  ['local', (space) => createLocalStorage(path.join(tmp, 'local', RUN, space))],
  ['s3', (space) => createS3Storage(s3Config(`storage-test-${RUN}/${space}`))],
];

describe.each(stores)('the %s store keeps the storage contract', (_name, make) => {
  const store = make('main');

  it('returns the bytes it was given, binary and over 5 MB', async () => {
    const small = randomBytes(1000);
    const big = randomBytes(5 * 1024 * 1024 + 123);
    const [a, b] = [randomUUID(), randomUUID()];
    await store.put(a, small);
    await store.put(b, big);
    expect((await readAll(store.read(a))).equals(small)).toBe(true);
    expect((await readAll(store.read(b))).equals(big)).toBe(true);
  });

  it('overwrites a key in place (a notice PDF is re-rendered under its id)', async () => {
    const key = randomUUID();
    await store.put(key, Buffer.from('first'));
    await store.put(key, Buffer.from('second'));
    expect((await readAll(store.read(key))).toString()).toBe('second');
  });

  it('returns a stream at once, and a missing key fails on that stream with file_missing', async () => {
    const stream = store.read(randomUUID());
    expect(typeof stream.pipe).toBe('function');
    await expect(readAll(stream)).rejects.toMatchObject({ code: 'file_missing', statusCode: 404 });
  });

  it('removes a file, and removing it again (or a key never stored) is no error', async () => {
    const key = randomUUID();
    await store.put(key, Buffer.from('bye'));
    await store.remove(key);
    await expect(readAll(store.read(key))).rejects.toMatchObject({ code: 'file_missing' });
    await expect(store.remove(key)).resolves.toBeUndefined();
    await expect(store.remove(randomUUID())).resolves.toBeUndefined();
  });

  it('refuses a key the server did not make (paths, traversal, upper case, empty)', async () => {
    for (const bad of ['../../etc/passwd', 'a/b', '', 'x'.repeat(36), randomUUID().toUpperCase(), `${randomUUID()}/`]) {
      expect(() => store.read(bad)).toThrow(/bad storage key/);
      await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/bad storage key/);
      await expect(store.remove(bad)).rejects.toThrow(/bad storage key/);
    }
  });

  it('keeps separate areas apart (another prefix or directory sees none of these files)', async () => {
    const other = make('other');
    const key = randomUUID();
    await store.put(key, Buffer.from('mine'));
    await expect(readAll(other.read(key))).rejects.toMatchObject({ code: 'file_missing' });
    await other.remove(key);
    expect((await readAll(store.read(key))).toString()).toBe('mine');
  });

  it('a reader that stops early releases the file without an error', async () => {
    const key = randomUUID();
    await store.put(key, randomBytes(3 * 1024 * 1024));
    const stream = store.read(key);
    const first = await new Promise<Buffer>((resolve, reject) => {
      stream.once('data', resolve);
      stream.once('error', reject);
    });
    expect(first.length).toBeGreaterThan(0);
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect((await readAll(store.read(key))).length).toBe(3 * 1024 * 1024);
  });
});

describe('a store that fails answers storage_unavailable, not a lost file', () => {
  it('S3 that refuses connections: reads, writes and removals fail with storage_unavailable', async () => {
    const dead = createS3Storage(s3Config('x', { endpoint: 'http://127.0.0.1:9' }));
    const started = Date.now();
    await expect(readAll(dead.read(randomUUID()))).rejects.toMatchObject({ code: 'storage_unavailable', statusCode: 503 });
    await expect(dead.put(randomUUID(), Buffer.from('x'))).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(dead.remove(randomUUID())).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('S3 with a bucket that does not exist is a misconfiguration (503), not a missing file', async () => {
    const wrong = createS3Storage(s3Config('x', { bucket: `no-such-bucket-${RUN}` }));
    await expect(readAll(wrong.read(randomUUID()))).rejects.toMatchObject({ code: 'storage_unavailable' });
  });

  it('local disk whose root is not a directory: storage_unavailable', async () => {
    const file = path.join(tmp, `not-a-dir-${RUN}`);
    writeFileSync(file, 'x');
    const broken = createLocalStorage(file);
    await expect(readAll(broken.read(randomUUID()))).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(broken.put(randomUUID(), Buffer.from('x'))).rejects.toMatchObject({ code: 'storage_unavailable' });
  });
});

describe('S3 keys and the driver choice', () => {
  it('an object lives at <prefix><2 chars>/<key>, the layout of FILES_DIR, so `aws s3 sync` maps 1:1', async () => {
    const prefix = `layout-${RUN}`;
    const store = createS3Storage(s3Config(`/${prefix}/`));
    const key = randomUUID();
    expect(store.objectKey(key)).toBe(`${prefix}/${key.slice(0, 2)}/${key}`);
    // A file copied under that key by hand (as a sync would) is read back by the store.
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await store.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${key.slice(0, 2)}/${key}`, Body: 'synced' }));
    expect((await readAll(store.read(key))).toString()).toBe('synced');
  });

  it('normalises the prefix to a folder', () => {
    expect(normalisePrefix('')).toBe('');
    expect(normalisePrefix('/')).toBe('');
    expect(normalisePrefix('tenant-files')).toBe('tenant-files/');
    expect(normalisePrefix('/a/b//')).toBe('a/b/');
  });

  it('createStorage picks the store STORAGE_DRIVER names', async () => {
    const env = { DATABASE_URL: 'postgres://x', REDIS_URL: 'redis://x', NODE_ENV: 'test' };
    const local = loadConfig({ ...env, FILES_DIR: path.join(tmp, 'by-config') });
    const s3 = loadConfig({
      ...env,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
      S3_PREFIX: `by-config-${RUN}`,
    });
    const key = randomUUID();
    await createStorage(local.storage).put(key, Buffer.from('on disk'));
    await createStorage(s3.storage).put(key, Buffer.from('in the bucket'));
    expect((await readAll(createLocalStorage(path.join(tmp, 'by-config')).read(key))).toString()).toBe('on disk');
    expect((await readAll(createS3Storage(s3Config(`by-config-${RUN}`)).read(key))).toString()).toBe('in the bucket');
  });
});
