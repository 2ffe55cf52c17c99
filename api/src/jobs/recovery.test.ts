import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DeliverJob, NOTIFICATION_QUEUE, type Notification } from '@portico/shared/jobs';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../test/helpers';
import { outbox } from '../db/schema/outbox';
import { startCatcher } from '../dev/catcher';
import { queueEmail, queueSms } from '../modules/outbox/service';
import { serveLiveness, startWorker } from '../worker';
import { queueSettings } from './queue-config';
import { relayOnce } from './relay';
import { ownDatabase, waitFor } from './test-support';

/**
 * The worker riding out lost jobs and outages, against a real SMTP catcher that the tests stop
 * and start on one fixed port.
 */
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>> | undefined;
let smtpPort: number;
const apps: Awaited<ReturnType<typeof createTestApp>>[] = [];

async function catcherUp() {
  catcher = await startCatcher({ smtpPort, httpPort: 0 });
  return catcher;
}
async function catcherDown() {
  await catcher?.close();
  catcher = undefined;
}

/** An app and a worker with their own settings, over the one database of this file. */
async function stack(env: Record<string, string>) {
  const t = await createTestApp({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    REDIS_PREFIX: database.name,
    RELAY_INTERVAL_MS: '50',
    NOTIFY_BACKOFF_MS: '100',
    NOTIFY_BACKOFF_MAX_MS: '400',
    OUTBOX_LEASE_MS: '1000',
    ...env,
  });
  apps.push(t);
  return t;
}

beforeAll(async () => {
  database = await ownDatabase('recovery');
  // Any free port; the catcher is then stopped and started on it as the tests need.
  const probe = await startCatcher({ smtpPort: 0, httpPort: 0 });
  smtpPort = probe.smtpPort;
  await probe.close();
});

afterAll(async () => {
  await catcherDown();
  for (const t of apps) await t.close();
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  await new Queue(NOTIFICATION_QUEUE, { connection: redis, prefix: database.name }).obliterate({ force: true });
  await redis.quit();
  await database?.drop();
});

const note = (to: string): Notification => ({
  template: 'case_information',
  to,
  locale: 'en',
  landlordName: 'Göta',
  title: 'Water',
  body: 'Off on Thursday',
});
const rowOf = async (t: Awaited<ReturnType<typeof stack>>, id: string) =>
  (await t.deps.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const mailsFor = (to: string) => catcher?.mails.filter((m) => m.to.includes(to)) ?? [];

describe('a job Redis lost', () => {
  it('comes back through the reconciler and is delivered exactly once', async () => {
    const t = await stack({});
    await catcherUp();
    const id = await queueEmail(t.deps.db, null, note('lost-job@example.se'));
    // Handed to BullMQ by the relay, then Redis loses everything before any worker ran it.
    const redis = new Redis(t.deps.config.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue<DeliverJob>(NOTIFICATION_QUEUE, { connection: redis, prefix: database.name });
    await relayOnce(t.deps.db, queue, queueSettings(t.deps.config));
    expect(await queue.getJobState(id)).toBe('waiting');
    await queue.obliterate({ force: true });
    expect(await queue.getJobState(id)).toBe('unknown');
    expect((await rowOf(t, id)).enqueuedAt).not.toBeNull();

    const worker = startWorker(t.deps);
    try {
      await waitFor(() => mailsFor('lost-job@example.se').length > 0, 20_000);
      await waitFor(async () => (await rowOf(t, id)).status === 'sent');
      // Several more reconciler passes: none may send it again.
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailsFor('lost-job@example.se').map((m) => m.messageId)).toEqual([`<outbox-${id}@portico.localhost>`]);
    } finally {
      await worker.close();
      await queue.close();
      await redis.quit();
    }
  });
});

describe('a long SMTP outage', () => {
  it('keeps the row pending through many tries (not failed) and delivers once SMTP is back', async () => {
    const t = await stack({ NOTIFY_ATTEMPTS: '1000' });
    await catcherDown();
    const worker = startWorker(t.deps);
    try {
      const id = await queueEmail(t.deps.db, null, note('outage@example.se'));
      const during = await waitFor(async () => {
        const row = await rowOf(t, id);
        return row.attempts >= 5 ? row : undefined;
      }, 20_000);
      expect(during).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/ECONNREFUSED/) });
      await catcherUp();
      await waitFor(async () => (await rowOf(t, id)).status === 'sent', 20_000);
      expect(mailsFor('outage@example.se')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('marks the row failed only when the tries run out; staff then retry it through the API and it arrives', async () => {
    const t = await stack({ NOTIFY_ATTEMPTS: '4' });
    const l = await makeLandlord(t.app);
    await catcherDown();
    const worker = startWorker(t.deps);
    try {
      const id = await queueEmail(t.deps.db, l.landlord.id, note('retry@example.se'));
      const failed = await waitFor(async () => {
        const row = await rowOf(t, id);
        return row.status === 'failed' ? row : undefined;
      }, 20_000);
      expect(failed.attempts).toBe(4);

      await catcherUp();
      const staff = await signIn(t.app, 'staff', l.manager.email);
      const res = await staff.post(`/api/v1/deliveries/${id}/retry`, {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, state: 'queued', attempts: 0 });
      await waitFor(async () => (await rowOf(t, id)).status === 'sent', 20_000);
      expect(await rowOf(t, id)).toMatchObject({ status: 'sent', retryCount: 1, attempts: 1 });
      expect(mailsFor('retry@example.se')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});

describe('liveness', () => {
  it('answers 200 on /live while the worker runs and 503 once it is shutting down', async () => {
    const t = await stack({});
    const worker = startWorker(t.deps);
    const server = serveLiveness(0, worker.liveness);
    try {
      await new Promise((r) => server.once('listening', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
      const live = await fetch(url);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ live: true, closing: false });
      const closing = worker.close();
      expect((await fetch(url)).status).toBe(503);
      await closing;
    } finally {
      server.close();
    }
  });
});

describe('shutdown', () => {
  it('finishes the job in progress before the worker closes', async () => {
    // An SMS gateway that takes a second to answer, so close() arrives mid-send.
    let started = 0;
    const gateway = createServer((req, res) => {
      started++;
      req.resume();
      setTimeout(() => res.end('{}'), 1000);
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const t = await stack({ SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/a1/sms` });
    const worker = startWorker(t.deps);
    try {
      const id = await queueSms(t.deps.db, null, { ...note('+46700000001'), to: '+46700000001' });
      await waitFor(() => started > 0);
      await worker.close();
      expect(await rowOf(t, id)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await new Promise((r) => gateway.close(r));
    }
  });
});
