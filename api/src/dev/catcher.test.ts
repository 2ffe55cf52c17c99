import { once } from 'node:events';
import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatcher } from './catcher';

let catcher: Awaited<ReturnType<typeof startCatcher>>;
beforeAll(async () => {
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
});
afterAll(() => catcher?.close());

/** Speaks SMTP line by line and waits for each answer, like a client would. */
async function dialogue(port: number) {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffer += chunk;
  });
  socket.on('error', () => {});
  const expectReply = async (code: string) => {
    const until = Date.now() + 5000;
    while (!new RegExp(`^${code} `, 'm').test(buffer)) {
      if (Date.now() > until) throw new Error(`no ${code} in ${buffer}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    buffer = '';
  };
  await once(socket, 'connect');
  await expectReply('220');
  return {
    socket,
    async say(line: string, code: string) {
      socket.write(`${line}\r\n`);
      await expectReply(code);
    },
  };
}

describe('the mail catcher', () => {
  it('survives a client that drops in the middle of DATA, then still accepts mail', async () => {
    for (let i = 0; i < 3; i++) {
      const { socket, say } = await dialogue(catcher.smtpPort);
      await say('EHLO test', '250');
      await say('MAIL FROM:<a@example.se>', '250');
      await say('RCPT TO:<b@example.se>', '250');
      await say('DATA', '354');
      socket.write('Subject: half\r\n\r\nthis message never ends');
      await new Promise((r) => setTimeout(r, 100));
      // A reset, not a polite close: the catcher sees ECONNRESET mid-message.
      socket.resetAndDestroy();
      await once(socket, 'close');
    }
    await new Promise((r) => setTimeout(r, 100));

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'a@example.se',
      to: 'after-reset@example.se',
      subject: 'Still here',
      text: 'ok',
      messageId: '<x-1@portico>',
    });
    transport.close();
    const mail = catcher.mails.find((m) => m.to.includes('after-reset@example.se'));
    expect(mail).toMatchObject({ subject: 'Still here', messageId: '<x-1@portico>' });
    expect(catcher.mails.some((m) => m.subject === 'half')).toBe(false);
  });
});
