/**
 * The two ends of scripts/fault-injection.sh (not part of npm test):
 *   produce N SECONDS INTENDED — writes N notifications through the outbox service, spread over
 *                        SECONDS, retrying each through a Postgres restart as an API client would,
 *                        and appends the id of each acknowledged (committed) one to INTENDED;
 *   report MAILBOX INTENDED — compares what was intended (every acknowledged id, plus any outbox
 *                        row whose commit the client did not hear about) with the catcher's mailbox
 *                        file (one JSON line per e-mail, kept across catcher restarts) and prints
 *                        "intended N / delivered N / lost N / duplicated N"; exit code 1 on loss.
 * Reads DATABASE_URL and MAIL_FROM like the worker does.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Notification } from '@portico/shared/jobs';
import { loadConfig } from '../config';
import { createDb } from '../db/client';
import { outbox } from '../db/schema/outbox';
import { queueEmail } from '../modules/outbox/service';
import { mailDomain, outboxMessageId } from '../notify/mailer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open() {
  const config = loadConfig();
  const { db, pool } = createDb(config.databaseUrl);
  // Postgres is restarted during the run; a dropped idle connection must not end this process.
  pool.on('error', () => {});
  return { db, pool, config };
}

async function produce(count: number, seconds: number, intendedFile: string) {
  const { db, pool } = open();
  const started = Date.now();
  let retries = 0;
  for (let i = 0; i < count; i++) {
    const notification: Notification = {
      template: 'case_information',
      to: `fault-${i}@example.se`,
      locale: 'sv',
      landlordName: 'Fault injection',
      title: `Notification ${i}`,
      body: 'Written while the worker, Redis, Postgres and SMTP fail.',
    };
    // One committed transaction per notification, as a request would; on a database error the
    // "client" tries again until it is committed.
    for (;;) {
      try {
        const id = await db.transaction((tx) => queueEmail(tx, null, notification));
        appendFileSync(intendedFile, `${id}\n`);
        break;
      } catch {
        retries++;
        await sleep(250);
      }
    }
    const due = started + ((i + 1) * seconds * 1000) / count;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  console.log(`produced ${count} notifications in ${Math.round((Date.now() - started) / 1000)} s (${retries} retried writes)`);
  await pool.end();
}

async function report(mailboxFile: string, intendedFile: string) {
  const { db, pool, config } = open();
  const rows = await db.select({ id: outbox.id, status: outbox.status }).from(outbox);
  await pool.end();
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const acknowledged = readFileSync(intendedFile, 'utf8').split('\n').filter(Boolean);
  // A row committed while its client saw an error is intended too: it must be delivered.
  const intended = [...new Set([...acknowledged, ...status.keys()])];
  const domain = mailDomain(config.mailFrom);
  const received = readFileSync(mailboxFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { messageId: string });
  const copies = new Map<string, number>();
  for (const mail of received) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
  let delivered = 0;
  let duplicated = 0;
  const lost: string[] = [];
  for (const id of intended) {
    const n = copies.get(outboxMessageId(id, domain)) ?? 0;
    if (n > 0) delivered++;
    else lost.push(`${id} (${status.get(id) ?? 'not in the outbox'})`);
    duplicated += Math.max(0, n - 1);
  }
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  console.log(`intended ${intended.length} / delivered ${delivered} / lost ${lost.length} / duplicated ${duplicated}`);
  console.log(
    `(${acknowledged.length} acknowledged writes; outbox: ${count('sent')} sent, ${count('failed')} failed, ${count('pending')} pending; catcher received ${received.length} e-mails)`,
  );
  if (lost.length) console.log(`lost, first ones: ${lost.slice(0, 10).join(', ')}`);
  return lost.length === 0 && intended.length > 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, a, b, c] = process.argv.slice(2);
  if (command === 'produce') await produce(Number(a), Number(b), c!);
  else if (command === 'report') process.exit((await report(a!, b!)) ? 0 : 1);
  else {
    console.error('usage: fault-injection.ts produce N SECONDS INTENDED_FILE | report MAILBOX_FILE INTENDED_FILE');
    process.exit(2);
  }
}
