import { outbox } from '@portico/api/src/db/schema/outbox';
import { and, eq } from 'drizzle-orm';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaughtMail, env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, waitForMail, withDb } from './harness';

/**
 * PRODUCT: staff see each message's delivery state, and a failed e-mail can be sent again.
 * Staff write to a tenant while the mail server refuses everything (the catcher's 421), the row
 * is settled as failed the way the worker leaves it when its tries run out, and staff press
 * "Send again" in the thread: the badge leaves "Failed" and the very same e-mail (same outbox
 * row, same invitation link) arrives.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };
/** The worker's tries per notification: NOTIFY_ATTEMPTS' default, which test.sh leaves as it is. */
const TRIES = 35;

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data, headers: CSRF });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Makes the catcher answer the next `count` SMTP transactions with 421 (0: accept again). */
async function smtpRefuses(count: number) {
  const res = await fetch(`${env.catcherUrl}/api/fail-next?count=${count}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

async function mailsTo(to: string) {
  return (await (await fetch(`${env.catcherUrl}/api/mails?to=${encodeURIComponent(to)}`)).json()) as (CaughtMail & { messageId: string })[];
}

const emailRowOf = (messageId: string) =>
  withDb(async (db) => {
    const rows = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.messageId, messageId), eq(outbox.channel, 'email')));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  });

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`delivery state at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('shows a failed e-mail as failed, sends it again with "Send again", and the e-mail arrives', async () => {
      const s = await makeScenario();
      const subject = `Boiler service ${s.u}`;
      const body = `The boiler is serviced on Monday ${s.u}.`;

      context = await browser.newContext({ ...device, locale: 'en-GB' });
      await post(context.request, `${env.adminUrl}/api/v1/auth/staff/login`, { email: s.staff.email, password: STAFF_PASSWORD });

      // --- Staff write while the mail server refuses; the worker records a real failed try ---
      let row: Awaited<ReturnType<typeof emailRowOf>>;
      let thread: { id: string; messages: { id: string }[] };
      await smtpRefuses(10_000);
      try {
        thread = await post(context.request, `${env.adminUrl}/api/v1/threads`, {
          customerId: s.customer.id,
          leaseId: s.lease.id,
          subject,
          body,
        });
        const messageId = thread.messages[0]!.id;
        const tried = await until('a refused try recorded', async () => {
          const r = await emailRowOf(messageId);
          return r.attempts >= 1 && r.lastError ? r : undefined;
        });
        expect(tried).toMatchObject({ status: 'pending', sentAt: null, lastError: expect.stringContaining('421') });

        // --- The tries run out: what the deliver step's final recordAttemptFailed leaves ---
        await withDb((db) =>
          db
            .update(outbox)
            .set({ status: 'failed', attempts: TRIES })
            .where(and(eq(outbox.id, tried.id), eq(outbox.status, 'pending'))),
        );
        // A try already under way when the row settled still meets the refusing server.
        await new Promise((r) => setTimeout(r, 2_000));
        row = await emailRowOf(messageId);
      } finally {
        await smtpRefuses(0);
      }
      expect(row).toMatchObject({ status: 'failed', attempts: TRIES, sentAt: null, retryCount: 0 });
      expect(row.lastError).toContain('421');
      expect(row.enqueuedAt).not.toBeNull();
      // A failed row keeps its payload (the invitation link), so "Send again" sends the same link.
      const invitationLink = (row.payload as { invitationLink?: string }).invitationLink;
      expect(invitationLink).toMatch(/\/invitation\/[\w-]+$/);
      expect(await mailsTo(s.tenantEmail)).toEqual([]);

      // --- The thread shows the failed e-mail, with a way to send it again ---
      const page = await context.newPage();
      await page.goto(`${env.adminUrl}/messages/${thread.id}`);
      await page.getByText(body).first().waitFor({ timeout: 15_000 });
      const failedBadge = page.getByText('E-mail: Failed', { exact: true });
      await failedBadge.waitFor({ timeout: 15_000 });
      const sendAgain = page.getByRole('button', { name: 'Send again', exact: true });
      await sendAgain.waitFor({ timeout: 15_000 });
      expect(await sendAgain.count()).toBe(1);
      await expectAccessible(page, `console thread with a failed e-mail (${size})`);

      // --- "Send again": the console asks the API to retry this delivery ---
      const retried = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/deliveries/${row.id}/retry`,
        { timeout: 15_000 },
      );
      await sendAgain.click();
      const response = await retried;
      expect(response.status(), await response.text()).toBe(200);
      expect(await response.json()).toMatchObject({ id: row.id, state: 'queued', attempts: 0, lastError: null });

      // --- The badge leaves "Failed" (queued, or already sent) and the button goes ---
      await page.getByText(/^E-mail: (Queued|Sent)$/).waitFor({ timeout: 15_000 });
      expect(await failedBadge.count()).toBe(0);
      expect(await sendAgain.count()).toBe(0);
      // No retry error beside the badge (the page's own "no portal account" notice is an alert too).
      expect(await page.locator('.message--staff [role="alert"]').count()).toBe(0);
      await expectAccessible(page, `console thread after "Send again" (${size})`);

      // --- The same e-mail arrives: that row's Message-ID, the text and the same invitation link ---
      const mail = (await waitForMail(s.tenantEmail, (m) => m.subject.includes(subject))) as CaughtMail & { messageId: string };
      expect(mail.messageId).toMatch(new RegExp(`^<outbox-${row.id}@`));
      expect(mail.text).toContain(body);
      expect(mail.text).toContain(invitationLink);
      const sent = await until('the row settled as sent', async () => {
        const r = await emailRowOf(thread.messages[0]!.id);
        return r.status === 'sent' ? r : undefined;
      });
      expect(sent).toMatchObject({ retryCount: 1, attempts: 1, lastError: null });
      expect(await mailsTo(s.tenantEmail)).toHaveLength(1);

      // --- and the thread says so when opened again ---
      await page.reload();
      await page.getByText('E-mail: Sent', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await sendAgain.count()).toBe(0);
    });
  });
}
