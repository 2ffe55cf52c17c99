import { insertPortalUser } from '@portico/api/src/db/fixtures';
import { createMessageThread } from '@portico/api/test/scenarios';
import { resources } from '@portico/shared/i18n/resources';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, launch, makeScenario, VIEWPORTS, withDb } from './harness';

/**
 * Issue 8: the SPAs load their pages, strings and libraries on demand. These check what arrives,
 * by content (chunk names change with every build): the portal's sign-in page carries no zod and no
 * console or e-mail strings, and switching the language fetches that language's catalogue.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Collects the text of every script the page loads. */
function scripts(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.text());
  });
  return () => Promise.all(bodies);
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' && value ? Object.values(value).flatMap(leaves) : [];
}

/** A string of `namespace` in `locale` that no other namespace of any language contains: its presence marks the catalogue. */
function marker(locale: 'sv' | 'da' | 'en', namespace: 'console' | 'email' | 'portal'): string {
  const others = (['sv', 'da', 'en'] as const).flatMap((l) =>
    Object.entries(resources[l])
      .filter(([ns]) => l !== locale || ns !== namespace)
      .flatMap(([, catalogue]) => leaves(catalogue)),
  );
  const found = leaves(resources[locale][namespace]).find(
    (s) => s.length > 15 && !/[{}'"`\\]/.test(s) && !others.some((o) => o.includes(s)),
  );
  if (!found) throw new Error(`no marker string in ${locale}/${namespace}`);
  return found;
}

/**
 * A portal user with one thread they started (so it is in Sent as well as listed), signed in on a
 * phone; the portal has stored the selected customer and lease, as for a returning user.
 */
async function signedIn(subjectPrefix: string) {
  const s = await makeScenario();
  const password = 'e2e portal passphrase 2026';
  const subject = `${subjectPrefix} ${s.u}`;
  await withDb(async (db) => {
    const user = await insertPortalUser(db, { email: s.tenantEmail, name: `Tess Tenant ${s.u}`, password }, [
      { landlordId: s.landlord.id, customerId: s.customer.id, role: 'main_admin' },
    ]);
    await createMessageThread(db, {
      landlordId: s.landlord.id,
      customerId: s.customer.id,
      leaseId: s.lease.id,
      subject,
      portalUser: user,
    });
  });
  const context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' });
  const signIn = await context.newPage();
  await signIn.goto(`${env.tenantUrl}/login`);
  await signIn.getByLabel('E-mail or username').fill(s.tenantEmail);
  await signIn.getByLabel('Password', { exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signIn.waitForURL(/\/messages/);
  // The portal stores the selected customer and lease once /me has answered (what a returning user has).
  await expect.poll(() => signIn.evaluate(() => localStorage.getItem('portico.portal.selection'))).not.toBeNull();
  await signIn.close();
  return { context, subject };
}

describe('the portal loads what the page needs', () => {
  it('the sign-in page carries no zod and no console or e-mail strings; a language switch fetches that language', async () => {
    const page = await (await browser.newContext({ ...VIEWPORTS.phone, locale: 'sv-SE' })).newPage();
    const loaded = scripts(page);
    await page.goto(`${env.tenantUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.waitForLoadState('networkidle');

    const first = (await loaded()).join('\n');
    expect(first).toContain(marker('sv', 'portal'));
    // zod names its classes in strings that survive minification.
    expect(first.includes('ZodObject'), 'zod on the sign-in page').toBe(false);
    for (const [locale, ns] of [
      ['sv', 'console'],
      ['sv', 'email'],
      ['en', 'portal'],
      ['da', 'portal'],
    ] as const) {
      expect(first.includes(marker(locale, ns)), `${locale}/${ns} strings on the Swedish sign-in page`).toBe(false);
    }

    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await loaded()).join('\n')).toContain(marker('en', 'portal'));

    // Typing in the form fetches the contract (zod) before it is needed to validate.
    await page.getByLabel('E-mail or username').click();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(async () => page.getByText('This field is required').count()).toBeGreaterThan(0);
    expect((await loaded()).join('\n')).toContain('ZodObject');
    await page.context().close();
  });

  it('the first page after sign-in (/messages, a fresh load) carries no zod', async () => {
    const { context, subject } = await signedIn('Zod-free inbox');

    // Responses are typed with the contracts, not parsed (8S7): the list renders without zod (the
    // tenant started the thread, so it is in Sent).
    const page = await context.newPage();
    const loaded = scripts(page);
    await page.goto(`${env.tenantUrl}/messages?box=sent`);
    await page.getByText(subject).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect((await loaded()).join('\n').includes('ZodObject'), 'zod on /messages').toBe(false);
    await context.close();
  });
});

describe('the portal sign-in page is prerendered and hydrated (8S10)', () => {
  it('paints in the browser language before any app script has run, and React hydrates the same nodes', async () => {
    for (const [locale, stored, lang, heading] of [
      ['da-DK', null, 'da', 'Log ind'],
      ['en-GB', null, 'en', 'Sign in'],
      ['fi-FI', null, 'sv', 'Logga in'],
      // The choice stored in this browser wins over the browser's language (lib/locale-rule.ts).
      ['da-DK', 'en', 'en', 'Sign in'],
    ] as const) {
      const context = await browser.newContext({ ...VIEWPORTS.phone, locale });
      if (stored) await context.addInitScript((l) => localStorage.setItem('portico.portal.locale', l), stored);
      // No app script at all: only index.html's inline boot script runs.
      const bare = await context.newPage();
      await bare.route('**/assets/*.js', (route) => route.abort());
      await bare.goto(`${env.tenantUrl}/login`);
      await bare.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await bare.evaluate(() => document.documentElement.lang)).toBe(lang);
      // Submitting before the app has loaded is held: never the browser's own GET with the password in the URL.
      await bare.locator('input[name="email"]').fill('someone@example.se');
      await bare.locator('input[name="password"]').fill('not-in-the-url');
      await bare.locator('input[name="password"]').press('Enter');
      await bare.waitForTimeout(300);
      expect(bare.url()).toBe(`${env.tenantUrl}/login`);
      await bare.close();

      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(m.text())));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { prerendered: Element | null }).prerendered = document.querySelector('#root h1');
        });
      });
      await page.goto(`${env.tenantUrl}/login`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      // Hydrated: the heading painted from the prerendered markup is the one React now owns, and the form works.
      expect(await page.evaluate(() => (window as unknown as { prerendered: Element | null }).prerendered?.isConnected)).toBe(true);
      await page.getByRole('button', { name: heading, exact: true }).click();
      await expect.poll(async () => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('a submit made before the app has loaded is sent by the app once it has hydrated', async () => {
    const context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' });
    const page = await context.newPage();
    // Hold the app's scripts back long enough to submit the prerendered form first.
    await page.route('**/assets/*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const signIn = page.waitForRequest((r) => r.url().includes('/api/v1/auth/portal/login') && r.method() === 'POST', { timeout: 30_000 });
    await page.goto(`${env.tenantUrl}/login`, { waitUntil: 'commit' });
    await page.locator('input[name="email"]').fill('nobody@example.se');
    await page.locator('input[name="password"]').fill('wrong password 2026');
    await page.locator('input[name="password"]').press('Enter');
    expect((await signIn).postDataJSON()).toMatchObject({ password: 'wrong password 2026' });
    await page.getByRole('alert').waitFor();
    expect(page.url()).toBe(`${env.tenantUrl}/login`);
    await context.close();
  });

  it('a sign-in page with a notice is rendered by the app, not from the prerendered markup', async () => {
    const context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${env.tenantUrl}/login?eidError=eid_failed`);
    await page.getByRole('alert').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a fresh load of /messages starts its data from the boot script (8S14)', () => {
  /** Every API GET the page sends, as path + query. */
  function apiGets(page: Page): string[] {
    const seen: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (r.method() === 'GET' && url.pathname.startsWith('/api/')) seen.push(`${url.pathname}${url.search}`);
    });
    return seen;
  }

  it('the boot script alone asks for /me, the badge and the list page, and the app uses those answers', async () => {
    const { context, subject } = await signedIn('Early inbox');
    // No app script: whatever the page asks the API now, the inline boot script asked.
    const bare = await context.newPage();
    const early = apiGets(bare);
    await bare.route('**/assets/*.js', (route) => route.abort());
    await bare.goto(`${env.tenantUrl}/messages?box=sent`);
    await expect.poll(() => early.length).toBe(3);
    expect(early.map((u) => u.split('?')[0]).sort()).toEqual([
      '/api/v1/auth/portal/me',
      '/api/v1/portal/threads',
      '/api/v1/portal/threads/unread-count',
    ]);
    expect(early.find((u) => u.startsWith('/api/v1/portal/threads?'))).toMatch(
      /^\/api\/v1\/portal\/threads\?box=sent&leaseId=[0-9a-f-]+&limit=20$/,
    );
    await bare.close();

    // With the app: the same three requests, once each (the API client took the early answers), and the real list.
    const page = await context.newPage();
    const gets = apiGets(page);
    await page.goto(`${env.tenantUrl}/messages?box=sent`);
    await page.getByText(subject).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(gets.filter((u) => u === '/api/v1/auth/portal/me')).toHaveLength(1);
    expect(gets.filter((u) => u.startsWith('/api/v1/portal/threads?'))).toHaveLength(1);
    expect(gets.filter((u) => u === '/api/v1/portal/threads/unread-count')).toHaveLength(1);
    await context.close();
  });

  it('signed out (the session cookies gone, a selection still stored): the early 401 ends at the sign-in page', async () => {
    const { context } = await signedIn('Early inbox');
    await context.clearCookies();
    const page = await context.newPage();
    const gets = apiGets(page);
    await page.goto(`${env.tenantUrl}/messages`);
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(gets).toContain('/api/v1/auth/portal/me');
    await context.close();
  });
});

describe('the console loads what the page needs', () => {
  it('the sign-in page carries no portal or e-mail strings', async () => {
    const page = await (await browser.newContext({ ...VIEWPORTS.desktop, locale: 'sv-SE' })).newPage();
    const loaded = scripts(page);
    await page.goto(`${env.adminUrl}/login`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const first = (await loaded()).join('\n');
    expect(first).toContain(marker('sv', 'console'));
    for (const ns of ['portal', 'email'] as const) expect(first.includes(marker('sv', ns)), `sv/${ns} strings in the console`).toBe(false);
    await page.context().close();
  });
});
