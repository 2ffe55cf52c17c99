import { randomUUID } from 'node:crypto';
import type { Notification } from '@portico/shared/jobs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn, type TestLandlord } from '../../../test/helpers';
import { outbox } from '../../db/schema/outbox';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const note = (to: string): Notification => ({ template: 'case_information', to, locale: 'en', landlordName: 'L', title: 'T', body: 'B' });

/** Outbox rows as the worker leaves them: one failed, one sent, about one message. */
async function deliveries(l: TestLandlord) {
  const messageId = randomUUID();
  const [failed, sent] = await t.app.db
    .insert(outbox)
    .values([
      {
        landlordId: l.landlord.id,
        channel: 'email',
        payload: note('a@example.se'),
        messageId,
        status: 'failed',
        attempts: 35,
        lastError: '421 Service unavailable',
        enqueuedAt: new Date(),
      },
      {
        landlordId: l.landlord.id,
        channel: 'email',
        payload: note('b@example.se'),
        messageId,
        status: 'sent',
        attempts: 1,
        sentAt: new Date(),
      },
    ])
    .returning();
  return { messageId, failed: failed!, sent: sent! };
}

describe('POST /api/v1/deliveries/:id/retry', () => {
  it('puts a failed delivery back in line for an administrator or manager, once', async () => {
    const l = await makeLandlord(t.app);
    const { failed } = await deliveries(l);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const res = await manager.post(`/api/v1/deliveries/${failed.id}/retry`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: failed.id, state: 'queued', attempts: 0, lastError: null, channel: 'email' });
    const [row] = await t.app.db.select().from(outbox).where(eq(outbox.id, failed.id));
    // Not yet handed over: the relay takes it as a new job (retry count in the job id).
    expect(row).toMatchObject({ status: 'pending', attempts: 0, enqueuedAt: null, retryCount: 1 });

    const again = await manager.post(`/api/v1/deliveries/${failed.id}/retry`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('not_retryable');
  });

  it('refuses a delivery that was sent with 409 not_retryable', async () => {
    const l = await makeLandlord(t.app);
    const { sent } = await deliveries(l);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const res = await admin.post(`/api/v1/deliveries/${sent.id}/retry`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_retryable');
  });

  it("answers 404 for another landlord's delivery and leaves it failed", async () => {
    const mine = await makeLandlord(t.app);
    const theirs = await makeLandlord(t.app);
    const { failed } = await deliveries(theirs);
    const admin = await signIn(t.app, 'staff', mine.admin.email);
    const res = await admin.post(`/api/v1/deliveries/${failed.id}/retry`, {});
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', resource: 'delivery' });
    const [row] = await t.app.db.select().from(outbox).where(eq(outbox.id, failed.id));
    expect(row!.status).toBe('failed');
  });

  it('is for administrators and managers only, and needs a valid id', async () => {
    const l = await makeLandlord(t.app);
    const { failed } = await deliveries(l);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.post(`/api/v1/deliveries/${failed.id}/retry`, {})).statusCode).toBe(403);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.post('/api/v1/deliveries/not-a-uuid/retry', {})).statusCode).toBe(400);
    expect((await admin.post(`/api/v1/deliveries/${randomUUID()}/retry`, {})).statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deliveries/${failed.id}/retry`,
      headers: { 'x-portico-csrf': '1' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /api/v1/deliveries', () => {
  it("lists one message's deliveries with their state, scoped to the landlord, page by page", async () => {
    const l = await makeLandlord(t.app);
    const { messageId, failed, sent } = await deliveries(l);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const all = await admin.get(`/api/v1/deliveries?messageId=${messageId}`);
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json()
        .items.map((d: { id: string; state: string }) => [d.id, d.state])
        .sort(),
    ).toEqual(
      [
        [failed.id, 'failed'],
        [sent.id, 'sent'],
      ].sort(),
    );
    const onlyFailed = await admin.get(`/api/v1/deliveries?messageId=${messageId}&state=failed`);
    expect(onlyFailed.json().items.map((d: { id: string }) => d.id)).toEqual([failed.id]);

    const first = (await admin.get(`/api/v1/deliveries?messageId=${messageId}&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await admin.get(`/api/v1/deliveries?messageId=${messageId}&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0].id).not.toBe(first.items[0].id);

    const other = await makeLandlord(t.app);
    const stranger = await signIn(t.app, 'staff', other.admin.email);
    expect((await stranger.get(`/api/v1/deliveries?messageId=${messageId}`)).json().items).toEqual([]);
  });

  it('needs a message or a case, and a readable cursor', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.get('/api/v1/deliveries')).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/deliveries?caseId=${randomUUID()}&cursor=garbage`)).statusCode).toBe(400);
    // Well-formed on the outside, not an id inside: still a 400, never a database error.
    const forged = Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url');
    expect((await admin.get(`/api/v1/deliveries?caseId=${randomUUID()}&cursor=${forged}`)).statusCode).toBe(400);
    const yearZero = Buffer.from(`0000-01-01T00:00:00.000Z|${randomUUID()}`).toString('base64url');
    expect((await admin.get(`/api/v1/deliveries?caseId=${randomUUID()}&cursor=${yearZero}`)).statusCode).toBe(400);
  });
});
