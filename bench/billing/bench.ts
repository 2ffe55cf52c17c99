/**
 * Issue 11 billing benchmark: a billing run of N notices (default 50,000) with their PDFs, on two
 * worker processes (the machine's two cores), beside raw pdfkit rendering the same layout. Run by
 * bench/billing/run.sh (`npm run bench:billing`); BENCH_DATABASE_URL names an empty database.
 *
 *   tsx bench.ts             — the whole run (data, notices, the timed PDF phase, the baseline)
 *   tsx bench.ts worker      — one worker process of the PDF phase (forked twice by the run)
 *   tsx bench.ts baseline K  — K renders of the layout with pdfkit alone (forked twice)
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '../../api/src/db/client';
import { runMigrations } from '../../api/src/db/migrate';
import { executeRun } from '../../api/src/modules/billing/runs';
import { renderNoticePdf } from '../../api/src/modules/notice-documents/pdf';
import { noticeQr } from '../../api/src/modules/notice-documents/qr';
import { renderPendingPdfs } from '../../api/src/modules/notice-documents/service';
import { createLocalStorage } from '../../api/src/storage/local';
import { makeOcr } from '../../shared/src/formats/ocr';

const URL_ = process.env.BENCH_DATABASE_URL!;
const N = Number(process.env.BENCH_NOTICES ?? 50_000);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);
const SELF = fileURLToPath(import.meta.url);
const now = () => performance.now() / 1000;

/** Leases of one Swedish landlord: a property, N units, customers and leases, set-based. */
type Pool = ReturnType<typeof createDb>['pool'];

async function generate(pool: Pool) {
  const [landlord] = (
    await pool.query(`
    insert into landlords (name, country, default_locale, org_number, payment_accounts, brand_name, brand_colour)
    values ('Bänkfastigheter AB', 'SE', 'sv', '556677-8899', '{"bankgiro": "991-2346"}', 'Bänk Hem', '#0b5394')
    returning id`)
  ).rows as { id: string }[];
  const l = landlord!.id;
  const q = (text: string, params: unknown[] = [l, N]) => pool.query(text, params);
  await q(`insert into billing_settings (landlord_id, currency, due_rule, next_number) values ($1, 'SEK', 'last_weekday_before', 1)`, [l]);
  await q(
    `insert into properties (landlord_id, name, street, postal_code, city) values ($1, 'Bänkgatan', 'Bänkgatan 1', '111 22', 'Stockholm')`,
    [l],
  );
  await q(`
    insert into units (landlord_id, property_id, number, type, address)
    select $1, p.id, lpad(g::text, 6, '0'), 'apartment', 'Bänkgatan ' || (g % 200 + 1) || ', lgh ' || g
    from properties p, generate_series(1, $2::int) g where p.landlord_id = $1`);
  await q(`
    insert into customers (landlord_id, kind, name, street, postal_code, city)
    select $1, 'person', 'Hyresgäst ' || g, 'Bänkgatan ' || (g % 200 + 1), '111 22', 'Stockholm' from generate_series(1, $2::int) g`);
  await q(
    `with c as (select id, row_number() over (order by name, id) n from customers where landlord_id = $1),
          u as (select id, row_number() over (order by number) n from units where landlord_id = $1)
     insert into leases (landlord_id, customer_id, unit_id, number, type, valid_from)
     select $1, c.id, u.id, 'L-' || c.n, 'residential', '2024-01-01' from c join u using (n)`,
    [l],
  );
  await q(`insert into lease_units (landlord_id, lease_id, unit_id) select landlord_id, id, unit_id from leases where landlord_id = $1`, [
    l,
  ]);
  await q(
    `insert into lease_rent_lines (landlord_id, lease_id, position, kind, description, amount_minor)
     select landlord_id, id, 0, 'rent', 'Hyra', 845000 from leases where landlord_id = $1`,
    [l],
  );
  return l;
}

/** March 2027's notices of every lease, made by the product's billing run (one transaction, gapless numbers). */
async function createNotices(db: ReturnType<typeof createDb>['db'], landlordId: string) {
  const result = await executeRun(db, { landlordId, period: '2027-03', source: 'api', createdBy: null, today: '2027-02-10' });
  return result?.createdCount ?? 0;
}

function forkAll(args: string[], env: Record<string, string>) {
  return Promise.all(
    Array.from(
      { length: PROCESSES },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(SELF, args, { env: { ...process.env, ...env }, execArgv: process.execArgv });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}`))));
        }),
    ),
  );
}

async function main() {
  const t0 = now();
  await runMigrations(URL_);
  const { db, pool } = createDb(URL_, { statementTimeoutMillis: 0 });
  const landlordId = await generate(pool);
  const tData = now();
  const created = await createNotices(db, landlordId);
  const tNotices = now();
  console.log(`data: ${N} leases in ${(tData - t0).toFixed(1)} s; notices: ${created} in ${(tNotices - tData).toFixed(1)} s`);

  const files = mkdtempSync(path.join(os.tmpdir(), 'portico-bench-pdf-'));
  const startPdf = now();
  await forkAll(['worker'], { BENCH_FILES: files });
  const pdfSeconds = now() - startPdf;
  const { done } = (
    await pool.query('select count(*)::int as done from invoices where landlord_id = $1 and pdf_key is not null', [landlordId])
  ).rows[0] as { done: number };
  rmSync(files, { recursive: true, force: true });

  const k = Math.max(200, Math.round(N / 10 / PROCESSES));
  const startBase = now();
  await forkAll(['baseline', String(k)], {});
  const baseSeconds = now() - startBase;
  await pool.end();

  const noticesSeconds = tNotices - tData;
  const total = noticesSeconds + pdfSeconds;
  const rate = (n: number, s: number) => `${(n / s).toFixed(0)}/s`;
  console.log('');
  console.log(`| phase (${PROCESSES} processes) | items | seconds | rate |`);
  console.log('|---|---:|---:|---:|');
  console.log(`| notices created (billing run) | ${created} | ${noticesSeconds.toFixed(1)} | ${rate(created, noticesSeconds)} |`);
  console.log(`| worker: PDFs rendered, stored, recorded | ${done} | ${pdfSeconds.toFixed(1)} | ${rate(done, pdfSeconds)} |`);
  console.log(
    `| raw pdfkit, same layout (baseline) | ${k * PROCESSES} | ${baseSeconds.toFixed(1)} | ${rate(k * PROCESSES, baseSeconds)} |`,
  );
  console.log(`| run + PDFs | ${created} | ${total.toFixed(1)} | goal < 300 s: ${total < 300 ? 'met' : 'NOT met'} |`);
  if (done !== created) {
    console.error(`only ${done} of ${created} notices got a PDF`);
    process.exit(1);
  }
}

/** One worker process of the PDF phase: the product's own pass until nothing is left. */
async function worker() {
  const { db, pool } = createDb(URL_, { max: 2, statementTimeoutMillis: 0 });
  const deps = { db, storage: createLocalStorage(process.env.BENCH_FILES!), config: {} } as Parameters<typeof renderPendingPdfs>[0];
  while ((await renderPendingPdfs(deps, 50)) > 0);
  await pool.end();
}

/** pdfkit alone on the same layout: no database, no storage. */
async function baseline(k: number) {
  const notice = {
    id: '00000000-0000-4000-8000-000000000001',
    number: '1',
    kind: 'notice' as const,
    lease: { id: '00000000-0000-4000-8000-000000000002', number: 'L-1', unitType: 'apartment' as const, address: 'Bänkgatan 2, lgh 1' },
    customer: { id: '00000000-0000-4000-8000-000000000003', name: 'Hyresgäst 1' },
    period: { start: '2027-03-01', end: '2027-03-31' },
    issueDate: '2027-02-10',
    dueDate: '2027-02-26',
    currency: 'SEK' as const,
    lines: [{ kind: 'rent' as const, description: 'Hyra mars 2027', amountMinor: 845_000, vatRate: 0, vatMinor: 0 }],
    subtotalMinor: 845_000,
    vatMinor: 0,
    totalMinor: 845_000,
    paidMinor: 0,
    creditedMinor: 0,
    openMinor: 845_000,
    status: 'unpaid' as const,
    paidAt: null,
    payment: { method: 'bankgiro' as const, account: '991-2346', reference: '' },
    directDebit: null,
    creditsInvoice: null,
    payments: [],
    pdfReady: false,
    externalId: null,
  };
  const landlord = { name: 'Bänkfastigheter AB', country: 'SE' as const, orgNumber: '556677-8899' };
  for (let i = 1; i <= k; i++) {
    const n = { ...notice, number: String(i), payment: { ...notice.payment, reference: makeOcr(String(i), { control: 'length' }) } };
    await renderNoticePdf({
      locale: 'sv',
      landlord: { ...landlord, brandName: 'Bänk Hem', brandColour: '#0b5394', logo: null, supportEmail: null, supportPhone: null },
      customer: { name: n.customer.name, street: 'Bänkgatan 2', postalCode: '111 22', city: 'Stockholm' },
      notice: n,
      qr: noticeQr(n, landlord),
    });
  }
}

const mode = process.argv[2];
if (mode === 'worker') await worker();
else if (mode === 'baseline') await baseline(Number(process.argv[3]));
else await main();
