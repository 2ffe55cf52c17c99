import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PNG, signIn } from '../../test/helpers';
import { S3_TEST_BUCKET, S3_TEST_CREDENTIALS, s3Env, s3TestEndpoint } from '../../test/s3';

/**
 * The API with STORAGE_DRIVER=s3 (issue 13 §2): files go to the bucket and come back through the
 * API's own checks; a file whose bytes are gone, or a store that is down, is a clean error.
 */
const s3 = await s3TestEndpoint();
const prefix = `api-${randomUUID().slice(0, 8)}`;
const t = await createTestApp(s3Env(s3.endpoint, prefix));
// The same database, but a store that refuses every connection (a bucket outage).
const down = await createTestApp(s3Env('http://127.0.0.1:9', prefix));
// And the default local disk, to show both stores answer a lost file the same way.
const local = await createTestApp();
afterAll(async () => {
  await Promise.all([t.close(), down.close(), local.close()]);
  await s3.close();
});

const bucket = new S3Client({ endpoint: s3.endpoint, region: 'eu-north-1', forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
const objectKey = (id: string) => `${prefix}/${id.slice(0, 2)}/${id}`;
const exists = (id: string) =>
  bucket.send(new HeadObjectCommand({ Bucket: S3_TEST_BUCKET, Key: objectKey(id) })).then(
    () => true,
    (err) => (err?.$metadata?.httpStatusCode === 404 ? false : Promise.reject(err)),
  );

/** A tenant's message with one PNG (1 MB of noise after the PNG header, so the bytes are really compared). */
async function tenantFile(app: typeof t.app, data = Buffer.concat([PNG, randomBytes(1024 * 1024)])) {
  const l = await makeLandlord(app);
  const tenant = await signIn(app, 'portal', l.companyUser.email);
  const up = await tenant.upload('/api/v1/portal/uploads', data, 'meter.png', 'image/png');
  expect(up.statusCode).toBe(201);
  const thread = await tenant.post('/api/v1/portal/threads', {
    leaseId: l.office.id,
    subject: 'Mätare',
    body: 'Se bild',
    attachmentIds: [up.json().id],
  });
  expect(thread.statusCode).toBe(201);
  return { l, tenant, id: up.json().id as string, data };
}

function expectCleanError(res: Awaited<ReturnType<Client['get']>>, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.json().error.code).toBe(code);
  // None of the file's own headers ride on the error: no download, no hour of caching.
  expect(res.headers['content-disposition']).toBeUndefined();
  expect(res.headers['cache-control']).toBe('no-store');
}

describe('files in S3 through the API', () => {
  it('a tenant uploads, staff download the same bytes; the object is in the bucket under <prefix>/<2 chars>/<id>', async () => {
    const { l, id, data } = await tenantFile(t.app);
    expect(await exists(id)).toBe(true);
    const stored = await bucket.send(new GetObjectCommand({ Bucket: S3_TEST_BUCKET, Key: objectKey(id) }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(data)).toBe(true);

    const admin = await signIn(t.app, 'staff', l.admin.email);
    const res = await admin.get(`/api/v1/attachments/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(data)).toBe(true);
    // Access checks are unchanged: staff of another landlord get a 404, and never reach the bucket.
    const stranger = await signIn(t.app, 'staff', (await makeLandlord(t.app)).admin.email);
    expect((await stranger.get(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
  });

  it('deleting a property image deletes its object', async () => {
    const l = await makeLandlord(t.app);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const id = (await manager.upload('/api/v1/uploads', PNG, 'fasad.png', 'image/png')).json().id as string;
    expect((await manager.post(`/api/v1/properties/${l.property.id}/images`, { attachmentId: id })).statusCode).toBe(201);
    expect(await exists(id)).toBe(true);
    const removed = await manager.request('DELETE', `/api/v1/properties/${l.property.id}/images/${id}`);
    expect(removed.statusCode).toBe(200);
    expect(await exists(id)).toBe(false);
  });

  it('a download whose object vanished answers 404 file_missing, not a 500 or a hung response', async () => {
    const { l, id } = await tenantFile(t.app);
    await bucket.send(new DeleteObjectCommand({ Bucket: S3_TEST_BUCKET, Key: objectKey(id) }));
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expectCleanError(await admin.get(`/api/v1/attachments/${id}`), 404, 'file_missing');
  });

  it('a store that is down answers 503 storage_unavailable with Retry-After, for uploads and downloads', async () => {
    const { l, id } = await tenantFile(t.app);
    const admin = await signIn(down.app, 'staff', l.admin.email);
    const res = await admin.get(`/api/v1/attachments/${id}`);
    expectCleanError(res, 503, 'storage_unavailable');
    expect(res.headers['retry-after']).toBe('5');
    const up = await admin.upload('/api/v1/uploads', PNG, 'x.png', 'image/png');
    expect(up.statusCode).toBe(503);
    expect(up.json().error.code).toBe('storage_unavailable');
  });
});

describe('local disk answers a lost file the same way', () => {
  it('a download whose file was deleted from FILES_DIR answers 404 file_missing', async () => {
    const { l, id } = await tenantFile(local.app, PNG);
    const dir = local.deps.config.storage.driver === 'local' ? local.deps.config.storage.dir : '';
    await rm(path.resolve(dir, id.slice(0, 2), id));
    const admin = await signIn(local.app, 'staff', l.admin.email);
    expectCleanError(await admin.get(`/api/v1/attachments/${id}`), 404, 'file_missing');
  });
});
