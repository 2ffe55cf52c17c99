import { Writable } from 'node:stream';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, outboxFor, signIn } from '../../test/helpers';
import { createLogger } from '../log';
import type { Mailer } from '../notify/mailer';
import type { SmsSender } from '../notify/sms';
import { deliverProcessor } from './deliver';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the worker’s delivery log', () => {
  it('logs job, outbox row, channel, landlord and a masked recipient; never the address in full or the body', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const body = 'Hemlig text om vattenavstängningen';
    const res = await staff.post('/api/v1/threads', { customerId: l.household.customer.id, leaseId: l.flat.id, subject: 'Vatten', body });
    expect(res.statusCode).toBe(201);
    const address = l.household.contacts[0]!.email!;
    const [row] = await outboxFor(t.app, address);
    expect(row?.status).toBe('pending');

    const written: string[] = [];
    const log = createLogger(
      { logLevel: 'info' },
      new Writable({
        write(chunk, _e, done) {
          written.push(String(chunk));
          done();
        },
      }),
    );
    const sms = { send: async () => {} } as unknown as SmsSender;
    let fail = true;
    const mailer = {
      send: async (to: string) => {
        if (fail) throw new Error(`550 5.1.1 <${to}>: Recipient address rejected`);
      },
      close() {},
    } as unknown as Mailer;
    const run = deliverProcessor(t.app.db, mailer, sms, { attempts: 3, persistMs: 1000 }, t.deps.storage, log);
    const job = { id: `${row!.id}`, data: { outboxId: row!.id } } as Job;

    await expect(run(job)).rejects.toThrow(/Recipient address rejected/);
    fail = false;
    await run(job);

    const lines = written.flatMap((w) => w.split('\n').filter(Boolean)).map((l) => JSON.parse(l));
    const [failed, sent] = lines;
    const [local, domain] = address.split('@');
    const masked = `${local![0]}***@${domain}`;
    expect(failed).toMatchObject({
      level: 'warn',
      msg: 'delivery attempt failed; retrying',
      jobId: row!.id,
      outboxId: row!.id,
      channel: 'email',
      landlordId: l.landlord.id,
      to: masked,
      attempt: 1,
    });
    expect(failed.reason).toContain(`<${masked}>`);
    expect(sent).toMatchObject({
      level: 'info',
      msg: 'delivery sent',
      outboxId: row!.id,
      landlordId: l.landlord.id,
      to: masked,
      attempt: 2,
    });
    const text = written.join('');
    expect(text).not.toContain(address);
    expect(text).not.toContain(body);
  });
});
