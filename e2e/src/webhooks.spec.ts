import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeLandlordAdmin, signInConsole, VIEWPORTS } from './harness';

/**
 * Issue 10: an admin adds a webhook endpoint pointing at a receiver on this machine (the stack
 * runs with WEBHOOK_ALLOW_PRIVATE=1), sends a test event and sees it delivered in the log; the
 * receiver verifies the signature with the secret the page showed once.
 */
let browser: Browser;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    received.push({ path: req.url ?? '/', headers: req.headers, body });
    res.writeHead(200).end('ok');
  });
});

beforeAll(async () => {
  browser = await launch();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await browser?.close();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

async function page(size: keyof typeof VIEWPORTS): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
  return context.newPage();
}

describe.each(['desktop', 'phone'] as const)('webhooks (%s)', (size) => {
  it('an admin creates an endpoint, sends a test event and sees it delivered in the log', async () => {
    const u = randomUUID().slice(0, 8);
    const admin = await makeLandlordAdmin('Hook Homes', u);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${u}`;

    const p = await page(size);
    await signInConsole(p, admin.email);
    await p.waitForURL(/\/messages/);
    const link = p.getByRole('link', { name: 'Webhooks', exact: true });
    if (await link.isVisible()) await link.click();
    else await p.goto(`${env.adminUrl}/settings/webhooks`);
    await p.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await p.getByText('No endpoints yet.').waitFor();
    await expectAccessible(p, 'webhooks page');

    await p.getByLabel('URL').fill(url);
    await p.getByLabel('Description').fill('ERP');
    await p.getByLabel('Case created (case.created)').check();
    await p.getByLabel('Customer changed (customer.updated)').check();
    await p.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = await p.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(p, 'webhooks page with the new secret');

    await p.getByRole('link', { name: url }).first().click();
    await p.waitForURL(/\/settings\/webhooks\/[0-9a-f-]{36}$/);
    await p.getByText('Nothing sent yet.').waitFor();
    await p.getByRole('button', { name: 'Send test event' }).click();
    await p.getByText('Test event queued.').waitFor();
    // The worker sends it; the log polls while it is pending.
    const row = p.getByTestId('webhook-delivery').filter({ hasText: 'webhook.test' });
    await row.getByText('Delivered').waitFor({ timeout: 20_000 });
    await expect.poll(() => row.getByText('200').count()).toBe(1);
    await expectAccessible(p, 'webhook endpoint and its delivery log');

    const hit = received.find((r) => r.path === `/hooks/${u}`);
    expect(hit).toBeDefined();
    expect(new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>)).toMatchObject({ type: 'webhook.test' });
  });
});
