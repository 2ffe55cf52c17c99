import { type DeliverJob, NOTIFICATION_QUEUE, type Notification } from '@portico/shared/jobs';
import type { Job } from 'bullmq';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers';
import { eidRequests, sessions, signups } from '../db/schema/auth';
import { outbox } from '../db/schema/outbox';
import { startCatcher } from '../dev/catcher';
import { queueEmail } from '../modules/outbox/service';
import { createMailer } from '../notify/mailer';
import { REDACTED } from '../notify/secrets';
import { createSmsSender } from '../notify/sms';
import { deliverProcessor } from './deliver';
import { cappedBackoff, queueSettings } from './queue-config';
import { reconcileOnce } from './reconcile';
import { relayOnce } from './relay';
import { runRetention } from './retention';
import { ownDatabase } from './test-support';

/**
 * The delivery rules one step at a time, with no worker running: the tests call the deliver
 * step, the relay and retention themselves, so each rule is seen on its own.
 */
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let redis: Redis;
let queue: Queue<DeliverJob>;

beforeAll(async () => {
  database = await ownDatabase('guards');
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
  t = await createTestApp({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/a1/sms`,
    MAIL_FROM: 'Portico <no-reply@mail.portico.test>',
    REDIS_PREFIX: database.name,
  });
  redis = new Redis(t.deps.config.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue<DeliverJob>(NOTIFICATION_QUEUE, { connection: redis, prefix: database.name });
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  await redis?.quit();
  await t?.close();
  await catcher?.close();
  await database?.drop();
});

const settings = () => queueSettings(t.deps.config);
const fakeJob = (outboxId: string) => ({ data: { outboxId }, attemptsMade: 0, opts: {} }) as unknown as Job;
const note = (to: string, extra: Partial<Notification> = {}): Notification =>
  ({
    template: 'password_reset',
    to,
    locale: 'en',
    landlordName: 'Göta',
    link: 'http://tenant.test/reset/TOPSECRETTOKEN',
    ...extra,
  }) as Notification;

describe('the deliver step', () => {
  it('sends once when its job runs twice for one outbox row (the idempotency guard)', async () => {
    const id = await queueEmail(t.deps.db, null, note('twice@example.se'));
    const mailer = createMailer(t.deps.config);
    const deliver = deliverProcessor(t.deps.db, mailer, createSmsSender(t.deps.config), settings());
    await deliver(fakeJob(id));
    await deliver(fakeJob(id));
    mailer.close();
    expect(catcher.mails.filter((m) => m.to.includes('twice@example.se'))).toHaveLength(1);
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives every e-mail a Message-ID derived from its outbox row and the MAIL_FROM domain', async () => {
    const id = await queueEmail(t.deps.db, null, note('message-id@example.se'));
    const mailer = createMailer(t.deps.config);
    await deliverProcessor(t.deps.db, mailer, createSmsSender(t.deps.config), settings())(fakeJob(id));
    mailer.close();
    const mail = catcher.mails.find((m) => m.to.includes('message-id@example.se'));
    expect(mail?.messageId).toBe(`<outbox-${id}@mail.portico.test>`);
  });

  it('keeps no reset link in the payload once the e-mail is sent', async () => {
    const id = await queueEmail(t.deps.db, null, note('redact@example.se'));
    const mailer = createMailer(t.deps.config);
    await deliverProcessor(t.deps.db, mailer, createSmsSender(t.deps.config), settings())(fakeJob(id));
    mailer.close();
    expect(catcher.mails.find((m) => m.to.includes('redact@example.se'))?.text).toContain('TOPSECRETTOKEN');
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row!.status).toBe('sent');
    expect(JSON.stringify(row!.payload)).not.toContain('TOPSECRETTOKEN');
    expect(row!.payload).toMatchObject({ template: 'password_reset', to: 'redact@example.se', link: REDACTED });
  });
});

describe('the relay', () => {
  it('makes one job of a row handed over twice (job id = outbox id)', async () => {
    const id = await queueEmail(t.deps.db, null, note('relay-twice@example.se'));
    expect(await relayOnce(t.deps.db, queue, settings())).toBeGreaterThanOrEqual(1);
    // A crash between the add and the commit: the row looks unqueued again and is handed over again.
    await t.deps.db.update(outbox).set({ enqueuedAt: null }).where(eq(outbox.id, id));
    expect(await relayOnce(t.deps.db, queue, settings())).toBeGreaterThanOrEqual(1);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.data.outboxId === id).map((j) => j.id)).toEqual([id]);
  });
});

describe('the reconciler', () => {
  const leased = async (to: string) => {
    const id = await queueEmail(t.deps.db, null, note(to));
    await t.deps.db
      .update(outbox)
      .set({ enqueuedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(outbox.id, id));
    return id;
  };
  const jobsOf = async (id: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])).filter((j) => j.data.outboxId === id);

  it('hands over again a row whose job Redis lost, and leaves a live job alone', async () => {
    const lost = await leased('lost@example.se');
    const live = await leased('live@example.se');
    // The live one waits out a long backoff in Redis.
    await queue.add('deliver', { outboxId: live }, { jobId: live, delay: 3600_000 });
    const before = await jobsOf(live);

    const { handedOver } = await reconcileOnce(t.deps.db, queue, settings());
    expect(handedOver).toBeGreaterThanOrEqual(1);
    expect((await jobsOf(lost)).map((j) => j.id)).toEqual([lost]);
    expect((await jobsOf(live)).map((j) => j.id)).toEqual(before.map((j) => j.id));
    expect(await queue.getJobState(live)).toBe('delayed');
    // Both got a new lease, so the next pass does not look at them again.
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.id, live));
    expect(Date.now() - row!.enqueuedAt!.getTime()).toBeLessThan(60_000);
  });

  it('replaces a finished job whose row is still pending (the database was away when it ended)', async () => {
    const id = await leased('finished@example.se');
    await queue.add('deliver', { outboxId: id }, { jobId: id });
    // No worker runs here: move the job to "completed" by hand, as if it had ended without settling the row.
    await redis.zadd(`${database.name}:${NOTIFICATION_QUEUE}:completed`, Date.now(), id);
    await redis.lrem(`${database.name}:${NOTIFICATION_QUEUE}:wait`, 0, id);
    expect(await queue.getJobState(id)).toBe('completed');

    await reconcileOnce(t.deps.db, queue, settings());
    expect(await queue.getJobState(id)).toBe('waiting');
  });
});

describe('backoff', () => {
  it('spreads the default tries over about a day, never waiting more than the cap', () => {
    const s = queueSettings({
      ...t.deps.config,
      notify: { ...t.deps.config.notify, backoffMs: 2000, backoffMaxMs: 3_600_000, attempts: 35 },
    });
    const waits = Array.from({ length: s.attempts - 1 }, (_, i) => cappedBackoff(s, i + 1));
    const totalHours = waits.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(totalHours).toBeGreaterThan(23);
    expect(totalHours).toBeLessThan(26);
    expect(Math.max(...waits)).toBe(3_600_000);
    expect(waits.slice(0, 3)).toEqual([2000, 4000, 8000]);
  });
});

describe('retention', () => {
  it('deletes old settled outbox rows and expired sessions, sign-ups and e-ID requests, and keeps fresh ones', async () => {
    const { db } = t.deps;
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3600_000);
    const rows = await db
      .insert(outbox)
      .values([
        { landlordId: null, channel: 'email', payload: note('r1@example.se'), status: 'sent', createdAt: old },
        { landlordId: null, channel: 'email', payload: note('r2@example.se'), status: 'failed', createdAt: old },
        { landlordId: null, channel: 'email', payload: note('r3@example.se'), status: 'pending', createdAt: old },
        { landlordId: null, channel: 'email', payload: note('r4@example.se'), status: 'sent' },
      ])
      .returning({ id: outbox.id });
    const session = (expiresAt: Date, tokenHash: string) => ({
      familyId: crypto.randomUUID(),
      audience: 'portal' as const,
      userId: crypto.randomUUID(),
      tokenHash,
      expiresAt,
    });
    await db.insert(sessions).values([session(past, `old-${crypto.randomUUID()}`), session(future, `live-${crypto.randomUUID()}`)]);
    const signup = (expiresAt: Date) => ({
      identityNumber: '198001011234',
      username: `u-${crypto.randomUUID()}`,
      passwordHash: 'x',
      customerIds: [],
      clientIp: '127.0.0.1',
      expiresAt,
    });
    await db.insert(signups).values([signup(past), signup(future)]);
    const eid = (expiresAt: Date) => ({
      state: crypto.randomUUID(),
      nonce: 'n',
      codeVerifier: 'v',
      bindingHash: 'b',
      method: 'se-bankid' as const,
      intent: 'login' as const,
      expiresAt,
    });
    await db.insert(eidRequests).values([eid(past), eid(future)]);

    const deleted = await runRetention(t.deps, 30);
    expect(deleted).toMatchObject({ outbox: 2, sessions: 1, signups: 1, eidRequests: 1 });

    const left = await db.select({ id: outbox.id }).from(outbox);
    const leftIds = new Set(left.map((r) => r.id));
    expect([rows[0], rows[1], rows[2], rows[3]].map((r) => leftIds.has(r!.id))).toEqual([false, false, true, true]);
    expect((await db.select().from(sessions)).every((s) => s.expiresAt > new Date())).toBe(true);
    expect(await db.select().from(signups)).toHaveLength(1);
    expect(await db.select().from(eidRequests)).toHaveLength(1);
  });
});
