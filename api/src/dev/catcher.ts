/**
 * The local stand-in for the outside world's mail and SMS: an SMTP server that keeps every
 * e-mail, an HTTP SMS gateway (46elks-style `POST /a1/sms` and GatewayAPI-style
 * `POST /rest/mtsms`), and a page listing both.
 * `npm start` runs it on :1025 (SMTP) and :8025 (web); tests start it on free ports.
 */
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = {
  id: number;
  /** The sender's Message-ID header, so a test can tell a resend of one e-mail from two e-mails. */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Attached files (issue 11: notice PDFs), with their bytes base64-encoded. */
  attachments: { filename: string; contentType: string; size: number; base64: string }[];
  date: string;
};
export type CaughtSms = { id: number; from: string; to: string; message: string; date: string };

const addresses = (field: ParsedMail['to']) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCatcher(options: { smtpPort: number; httpPort: number; host?: string; mailboxFile?: string }) {
  const host = options.host ?? '127.0.0.1';
  const mails: CaughtMail[] = [];
  const sms: CaughtSms[] = [];
  let nextId = 1;
  // A test can make the next N SMTP transactions fail with 421, to show retries.
  let failNext = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      // A client that drops mid-message errors the stream; the message is simply not kept.
      stream.on('error', () => {});
      if (failNext > 0) {
        failNext--;
        stream.resume();
        const err = Object.assign(new Error('Service temporarily unavailable'), { responseCode: 421 });
        stream.on('end', () => callback(err));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const caught: CaughtMail = {
            id: nextId++,
            messageId: mail.messageId ?? '',
            from: addresses(mail.from as ParsedMail['to'])[0] ?? '',
            to: addresses(mail.to),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            attachments: mail.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              size: a.size,
              base64: a.content.toString('base64'),
            })),
            date: new Date().toISOString(),
          };
          mails.push(caught);
          if (options.mailboxFile) {
            // Kept across restarts so the fault-injection run can count every e-mail, even
            // those received before the catcher was killed.
            const { messageId, to, subject, date } = caught;
            appendFileSync(options.mailboxFile, `${JSON.stringify({ messageId, to, subject, date })}\n`);
          }
          callback();
        })
        .catch(callback);
    },
  });
  // A client that resets the connection inside a transaction makes smtp-server emit 'error';
  // unheard, that ended the whole process (ECONNRESET). It concerns one client, so log it.
  smtp.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') console.error('catcher SMTP error', err.message);
  });
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort, host, resolve));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://catcher');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/a1/sms') {
      const form = new URLSearchParams(await readBody(req));
      const entry = {
        id: nextId++,
        from: form.get('from') ?? '',
        to: form.get('to') ?? '',
        message: form.get('message') ?? '',
        date: new Date().toISOString(),
      };
      if (!entry.to || !entry.message) return json(400, { error: 'to and message are required' });
      sms.push(entry);
      return json(200, { id: `s${entry.id}`, status: 'created', to: entry.to, from: entry.from, message: entry.message });
    }
    if (req.method === 'POST' && url.pathname === '/rest/mtsms') {
      // GatewayAPI style: JSON with a list of recipients' MSISDNs (country code, no '+').
      let body: { sender?: string; message?: string; recipients?: { msisdn?: number | string }[] };
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return json(400, { error: 'invalid JSON' });
      }
      if (!body.message || !body.recipients?.length) return json(400, { error: 'message and recipients are required' });
      const ids = body.recipients.map((r) => {
        const entry = { id: nextId++, from: body.sender ?? '', to: `+${r.msisdn}`, message: body.message!, date: new Date().toISOString() };
        sms.push(entry);
        return entry.id;
      });
      return json(200, { ids, usage: { count: ids.length } });
    }
    if (req.method === 'GET' && url.pathname === '/api/mails') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return json(200, to ? mails.filter((m) => m.to.includes(to)) : mails);
    }
    if (req.method === 'GET' && url.pathname === '/api/sms') {
      const to = url.searchParams.get('to');
      return json(200, to ? sms.filter((m) => m.to === to) : sms);
    }
    if (req.method === 'POST' && url.pathname === '/api/fail-next') {
      failNext = Number(url.searchParams.get('count') ?? '1');
      return json(200, { failNext });
    }
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const mailRows = [...mails]
        .reverse()
        .map(
          (m) =>
            `<article><h3>${escapeHtml(m.subject)}</h3><p><b>To:</b> ${escapeHtml(m.to.join(', '))} · ${escapeHtml(m.date)}</p>` +
            `<details><summary>Text</summary><pre>${escapeHtml(m.text)}</pre></details></article>`,
        )
        .join('');
      const smsRows = [...sms]
        .reverse()
        .map(
          (s) =>
            `<article><p><b>SMS to ${escapeHtml(s.to)}</b> from ${escapeHtml(s.from)} · ${escapeHtml(s.date)}</p><pre>${escapeHtml(s.message)}</pre></article>`,
        )
        .join('');
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Portico mail catcher</title>` +
          `<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}article{border-bottom:1px solid #ddd;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>` +
          `<body><main><h1>Portico mail catcher</h1><h2>E-mail (${mails.length})</h2>${mailRows || '<p>None yet.</p>'}<h2>SMS (${sms.length})</h2>${smsRows || '<p>None yet.</p>'}</main></body></html>`,
      );
    }
    json(404, { error: 'not found' });
  };
  // A client that drops while its SMS body is read rejects the handler; that must not end the process.
  const http: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort, host, resolve));

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (http.address() as AddressInfo).port,
    mails,
    sms,
    failNext(count: number) {
      failNext = count;
    },
    async close() {
      await Promise.all([new Promise<void>((r) => smtp.close(() => r())), new Promise<void>((r) => http.close(() => r()))]);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const smtpPort = Number(process.env.CATCHER_SMTP_PORT ?? 1025);
  const httpPort = Number(process.env.CATCHER_HTTP_PORT ?? 8025);
  // CATCHER_HOST=0.0.0.0 in a container, so the API and the browser can reach it.
  const host = process.env.CATCHER_HOST || undefined;
  const catcher = await startCatcher({ smtpPort, httpPort, host, mailboxFile: process.env.CATCHER_MAILBOX_FILE });
  console.log(`mail catcher: SMTP on :${catcher.smtpPort}, web on http://127.0.0.1:${catcher.httpPort}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => catcher.close().then(() => process.exit(0)));
}
