import { randomUUID } from 'node:crypto';
import { IMPORT_QUEUE, type ImportJob } from '@portico/shared/jobs';
import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord } from '../../test/helpers';
import { imports } from '../db/schema/imports';
import { reconcileImportsOnce } from './import';
import { queueSettings } from './queue-config';

let t: Awaited<ReturnType<typeof createTestApp>>;
let queue: Queue<ImportJob>;
beforeAll(async () => {
  // A prefix of its own and no worker: the jobs stay where the test can see them.
  t = await createTestApp({ REDIS_PREFIX: `import-reconcile-${randomUUID().slice(0, 8)}` });
  const { Queue } = await import('bullmq');
  const { Redis } = await import('ioredis');
  queue = new Queue<ImportJob>(IMPORT_QUEUE, {
    connection: new Redis(t.deps.config.redisUrl, { maxRetriesPerRequest: null }),
    prefix: t.deps.config.redisPrefix,
  });
});
afterAll(async () => {
  await queue?.close();
  await t.close();
});

async function openRun(landlordId: string, createdById: string, status: 'queued' | 'running' | 'checked', minutesAgo: number) {
  const [row] = await t.app.db
    .insert(imports)
    .values({
      landlordId,
      kind: 'units',
      status,
      phase: 'dry_run',
      filename: 'units.csv',
      format: 'csv',
      storageKey: `imports/${randomUUID()}`,
      headers: ['Nummer'],
      mapping: { Nummer: 'number' },
      rowCount: 600,
      run: 3,
      createdById,
      createdByName: 'Ada Admin',
      updatedAt: new Date(Date.now() - minutesAgo * 60_000),
    })
    .returning({ id: imports.id });
  return row!.id;
}

describe('import reconciler (nothing committed is lost: imports too)', () => {
  it('hands a stale queued or running run whose job Redis lost over again, once; leaves live jobs, fresh runs and settled imports alone', async () => {
    const l = await makeLandlord(t.app);
    const settings = queueSettings(t.deps.config);
    const lost = await openRun(l.landlord.id, l.admin.id, 'queued', 10);
    const crashed = await openRun(l.landlord.id, l.admin.id, 'running', 10);
    const fresh = await openRun(l.landlord.id, l.admin.id, 'queued', 0);
    const settled = await openRun(l.landlord.id, l.admin.id, 'checked', 10);

    await reconcileImportsOnce(t.app.db, queue, settings, 60_000);
    for (const id of [lost, crashed]) {
      expect(await queue.getJobState(`${id}-3`)).toBe('waiting');
      expect((await queue.getJob(`${id}-3`))?.data).toEqual({ importId: id, landlordId: l.landlord.id, run: 3, actorId: l.admin.id });
    }
    for (const id of [fresh, settled]) expect(await queue.getJobState(`${id}-3`)).toBe('unknown');

    // A second pass finds the jobs alive: nothing is added twice.
    const before = await queue.getJobCounts('waiting');
    await reconcileImportsOnce(t.app.db, queue, settings, 60_000);
    expect(await queue.getJobCounts('waiting')).toEqual(before);

    // Once the run settles, the reconciler no longer looks at it.
    await t.app.db.update(imports).set({ status: 'checked' }).where(eq(imports.id, lost));
    await queue.remove(`${lost}-3`);
    await reconcileImportsOnce(t.app.db, queue, settings, 60_000);
    expect(await queue.getJobState(`${lost}-3`)).toBe('unknown');
  });
});
