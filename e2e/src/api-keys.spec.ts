import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeLandlordAdmin, signInConsole, VIEWPORTS } from './harness';

/** Issue 10: an admin creates an API key, sees its secret once, the key works, and is revoked. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function page(size: keyof typeof VIEWPORTS): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.adminUrl });
  return context.newPage();
}

/** What an integrator's script does: the key in the Authorization header, nothing else. */
const callWithKey = (secret: string, path: string) => fetch(`${env.adminUrl}${path}`, { headers: { authorization: `Bearer ${secret}` } });

describe.each(['desktop', 'phone'] as const)('API keys (%s)', (size) => {
  it('admin creates a read key for customers, copies the secret shown once, the key works, then is revoked', async () => {
    const u = randomUUID().slice(0, 8);
    const admin = await makeLandlordAdmin('Key Homes', u);
    const p = await page(size);
    await signInConsole(p, admin.email);
    await p.waitForURL(/\/messages/);
    const nav = p.getByRole('link', { name: 'API keys', exact: true });
    if (await nav.isVisible()) await nav.click();
    else await p.goto(`${env.adminUrl}/settings/api-keys`);
    await p.waitForURL(/\/settings\/api-keys$/);
    await p.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await p.getByText('No API keys yet.').waitFor();
    await expectAccessible(p, 'API keys page');

    // Without any access chosen, the form says so.
    await p.getByLabel('Name', { exact: true }).fill(`ERP ${u}`);
    await p.getByRole('button', { name: 'Create key' }).click();
    await p.getByText('Choose access to at least one area.').waitFor();
    await p.getByLabel('Customers and contacts').selectOption({ label: 'Read' });
    await p.getByRole('button', { name: 'Create key' }).click();

    // The secret, once, with the warning and a copy button.
    await p.getByText('It is shown only this once').waitFor();
    const secret = await p.getByLabel('API key', { exact: true }).inputValue();
    expect(secret).toMatch(/^ptk_[\w-]{43}$/);
    await p.getByRole('button', { name: 'Copy key' }).click();
    await p.getByRole('button', { name: 'Copied' }).waitFor();
    await expectAccessible(p, 'new API key');

    // The key works from a script: it reads customers, and may not write them.
    const ok = await callWithKey(secret, '/api/v1/customers');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ratelimit-policy')).toMatch(/^"default";q=\d+;w=\d+$/);
    const write = await fetch(`${env.adminUrl}/api/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'company', name: 'Nope AB' }),
    });
    expect(write.status).toBe(403);

    // Once dismissed, the secret is gone for good: the list shows only its prefix.
    await p.getByRole('button', { name: 'I have stored the key' }).click();
    const row = p.getByTestId('api-key-row').filter({ hasText: `ERP ${u}` });
    await row.waitFor();
    await row.getByText(secret.slice(0, 12)).waitFor();
    expect(await p.getByText(secret).count()).toBe(0);
    await row.getByText('Customers and contacts: read').waitFor();
    await row.getByText(`Created by Admin ${u}`).waitFor();
    await p.reload();
    await row.getByText(/Last used/).waitFor();

    await row.getByRole('button', { name: 'Revoke' }).click();
    await p.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    await expectAccessible(p, 'revoked API key');
    const after = await callWithKey(secret, '/api/v1/customers');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('api_key_revoked');
    await p.context().close();
  });
});
