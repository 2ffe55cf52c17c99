import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS } from './harness';

/** Both SPAs with the keyboard alone: Tab to a control by its accessible name, type, press Enter. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Presses Tab until the focused element's label or text matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
      return `${labelled ?? ''} ${el.textContent ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no focusable element matching ${name} within ${limit} tabs`);
}

describe('keyboard only', () => {
  it('signs in to the console and opens the message composer without a mouse', async () => {
    const s = await makeScenario();
    const page = await (await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })).newPage();
    await page.goto(`${env.adminUrl}/login`);
    await page.getByLabel('E-mail').waitFor();
    await tabTo(page, /^E-mail/);
    await page.keyboard.type(s.staff.email);
    await tabTo(page, /^Password/);
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/messages/);
    await tabTo(page, /^New message$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/messages\/new/);
    await tabTo(page, /^Customer(?!s)/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.context().close();
  });

  it('a skip link comes first and jumps past the portal header', async () => {
    const page = await (await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })).newPage();
    await page.goto(`${env.tenantUrl}/login`);
    await page.getByLabel('E-mail or username').waitFor();
    const first = await page.evaluate(() => {
      const focusable = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      return focusable[0]?.textContent?.trim();
    });
    expect(first).toBe('Skip to content');
    await page.getByText('Skip to content').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main');
    await tabTo(page, /^E-mail/, 5);
    await page.context().close();
  });
});
