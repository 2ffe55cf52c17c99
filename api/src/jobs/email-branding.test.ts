import type { Notification } from '@portico/shared/jobs';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PNG, signIn } from '../../test/helpers';
import { startCatcher } from '../dev/catcher';
import { queueEmail } from '../modules/outbox/service';
import { createMailer } from '../notify/mailer';
import { createSmsSender } from '../notify/sms';
import { deliverProcessor } from './deliver';
import { queueSettings } from './queue-config';
import { ownDatabase } from './test-support';

/** Issue 12 SHELL: e-mails carry the landlord's name, colour and logo, looked up when they go out. */
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  database = await ownDatabase('branding');
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
  t = await createTestApp({ DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, REDIS_PREFIX: database.name });
});
afterAll(async () => {
  await t?.close();
  await catcher?.close();
  await database?.drop();
});

const note = (to: string): Notification =>
  ({ template: 'password_reset', to, locale: 'en', landlordName: 'Göta', link: 'http://tenant.test/reset/x' }) as Notification;

async function deliver(outboxId: string) {
  const mailer = createMailer(t.deps.config);
  await deliverProcessor(
    t.deps.db,
    mailer,
    createSmsSender(t.deps.config),
    queueSettings(t.deps.config),
    t.deps.storage,
  )({
    data: { outboxId },
  } as Job);
  mailer.close();
}

describe('e-mail branding', () => {
  it('puts the landlord’s display name and colour in the header, with the logo inline; the settings at send time win', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.patch('/api/v1/settings', { brandName: 'Göta <Hem>', brandColour: '#1a5fb4' })).statusCode).toBe(200);
    const plainId = await queueEmail(t.deps.db, l.landlord.id, note('plain-brand@example.se'));
    await deliver(plainId);
    const plain = catcher.mails.find((m) => m.to.includes('plain-brand@example.se'))!;
    expect(plain.html).toContain('background:#1a5fb4');
    expect(plain.html).toContain('Göta &#60;Hem&#62;');
    expect(plain.html).not.toContain('cid:');
    expect(plain.attachments).toHaveLength(0);

    // A logo set after the e-mail was queued is still used: branding is read when it goes out.
    const queued = await queueEmail(t.deps.db, l.landlord.id, note('logo-brand@example.se'));
    expect((await admin.upload('/api/v1/settings/logo', PNG, 'logo.png', 'image/png')).statusCode).toBe(200);
    await deliver(queued);
    const withLogo = catcher.mails.find((m) => m.to.includes('logo-brand@example.se'))!;
    // Sent as an inline (CID) part; the catcher's parser resolves `cid:` references to data URIs.
    expect(withLogo.html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}"`);
    // The text part stays as it was.
    expect(withLogo.text).not.toContain('Göta <Hem>');
  });

  it('sends e-mails without a landlord (staff-wide notes) with no header', async () => {
    const id = await queueEmail(t.deps.db, null, note('no-brand@example.se'));
    await deliver(id);
    const mail = catcher.mails.find((m) => m.to.includes('no-brand@example.se'))!;
    expect(mail.html).not.toContain('background:#');
    expect(mail.html).toContain('http://tenant.test/reset/x');
  });
});
