import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { startCatcher } from '../dev/catcher';
import { createMailer } from '../notify/mailer';
import { createLocalStorage } from './local';

/**
 * The worker attaches notice PDFs as storage streams (jobs/deliver.ts). A file that is gone must
 * fail that send (the delivery attempt is recorded and retried), never hang the worker's slot.
 */
const catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
const mailer = createMailer(loadConfig({ NODE_ENV: 'test', SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}` }));
afterAll(async () => {
  mailer.close();
  await catcher.close();
});

describe('an e-mail attachment read from storage', () => {
  const store = createLocalStorage(mkdtempSync(path.join(os.tmpdir(), 'portico-mail-')));
  const mail = (content: ReturnType<typeof store.read>) => ({
    subject: 'Avi',
    text: 'Se bifogad PDF',
    html: '<p>Se bifogad PDF</p>',
    attachments: [{ filename: 'avi.pdf', contentType: 'application/pdf', content }],
  });

  it('is sent with its bytes when the file is there', async () => {
    const key = randomUUID();
    await store.put(key, Buffer.from('%PDF-1.4 avi'));
    const to = `a-${key}@tenant.test`;
    await mailer.send(to, mail(store.read(key)));
    const caught = catcher.mails.find((m) => m.to.includes(to));
    expect(Buffer.from(caught!.attachments[0]!.base64, 'base64').toString()).toBe('%PDF-1.4 avi');
  });

  // Nodemailer re-codes a stream's error as ESTREAM; the message (what deliver.ts records) stays ours.
  it('fails the send with file_missing, quickly, when the file is gone', async () => {
    const started = Date.now();
    await expect(mailer.send(`b-${randomUUID()}@tenant.test`, mail(store.read(randomUUID())))).rejects.toThrow('file_missing');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
