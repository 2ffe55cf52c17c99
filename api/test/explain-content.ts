/**
 * EXPLAIN (ANALYZE, BUFFERS) of issue 12's content lists at scale (issue 13 §5), as the repo functions
 * send them (captured through drizzle's logger, then explained with the same parameters): operational
 * notices (staff and portal), an urgent notice's deliveries (outbox by notice_id), documents (staff and
 * portal), posts (console list and portal feed) and the help centre (console list, portal list and search).
 *
 *   cd api && DATABASE_URL=postgres://…/portico_scale_big node_modules/.bin/tsx test/explain-content.ts
 *
 * Expects the data of test/explain-content.sql (landlord 1111…, staff 2222…-1). Output: Markdown.
 */
import * as documentsRepo from '../src/modules/documents/repo';
import * as helpRepo from '../src/modules/help/repo';
import * as noticesRepo from '../src/modules/operational-info/repo';
import * as postsRepo from '../src/modules/posts/repo';
import { createExplainer } from './explain-harness';

const A = '11111111-1111-4111-8111-111111111111';
const RUNS = 5;

const { db, pool, explain: explainCall } = createExplainer({ runs: RUNS });
const summary: string[] = [];

/** Prints the plans and adds the call's line to the summary table. */
async function explain(title: string, run: () => Promise<unknown>) {
  const { wall, statements } = await explainCall(title, run);
  const times = statements.map((s) => `${s.ms.toFixed(2)} ms${s.seqScan ? ` (seq scan ${s.seqScan})` : ''}`);
  summary.push(`| ${title} | ${wall.toFixed(1)} ms | ${times.join(' · ')} |`);
}

async function main() {
  const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;
  // The urgent landlord-wide notice with 40,000 deliveries, and an ordinary urgent notice (~100).
  const big = await one<{ id: string }>(
    `select notice_id as id from outbox where landlord_id = $1 and notice_id is not null group by 1 order by count(*) desc limit 1`,
    [A],
  );
  const small = await one<{ id: string }>(
    `select notice_id as id from outbox where landlord_id = $1 and notice_id is not null and notice_id <> $2 limit 1`,
    [A, big.id],
  );
  // A customer with customer, lease and property documents; its lease and property.
  const cust = await one<{ customer_id: string; lease_id: string; property_id: string }>(
    `select l.customer_id, l.id as lease_id, u.property_id from leases l join units u on u.id = l.unit_id
     where l.landlord_id = $1 and exists (select 1 from documents d where d.customer_id = l.customer_id)
       and exists (select 1 from documents d where d.lease_id = l.id) order by l.number limit 1`,
    [A],
  );
  const smallLandlord = await one<{ id: string }>(`select id from landlords where name = 'Landlord 2'`);
  const now = new Date();
  const page = { limit: 25 };

  // --- Operational notices -----------------------------------------------------------------------
  const nl = (more: Partial<Parameters<typeof noticesRepo.listNotices>[1]> = {}) =>
    noticesRepo.listNotices(db, { landlordId: A, now, limit: 25, ...more });
  await nl(); // warm the cache once
  await explain('Staff notices, first page', () => nl());
  const p1 = await nl();
  await explain('Staff notices, next page', () => nl({ cursor: p1.nextCursor ?? undefined }));
  await explain('Staff notices, state=current', () => nl({ state: 'current' }));
  await explain('Staff notices, state=planned', () => nl({ state: 'planned' }));
  await explain('Staff notices, state=resolved', () => nl({ state: 'resolved' }));
  await explain('Staff notices, one property', () => nl({ propertyId: cust.property_id }));
  await explain('Portal notices (Home, /operational-info), the customer', () =>
    noticesRepo.listPortalNotices(db, { landlordId: A, customerId: cust.customer_id, now, limit: 50 }),
  );
  await explain('Portal notices, one lease', () =>
    noticesRepo.listPortalNotices(db, { landlordId: A, customerId: cust.customer_id, leaseId: cust.lease_id, now, limit: 50 }),
  );

  // --- Deliveries of an urgent notice (outbox by notice_id) ----------------------------------------
  const dl = (noticeId: string, more: Partial<Parameters<typeof noticesRepo.listNoticeDeliveries>[1]> = {}) =>
    noticesRepo.listNoticeDeliveries(db, { landlordId: A, noticeId, limit: 25, ...more });
  await explain('Notice deliveries, landlord-wide notice (40,000), first page', () => dl(big.id));
  const d1 = await dl(big.id);
  let deep = d1;
  for (let i = 0; i < 40; i++) deep = await dl(big.id, { cursor: deep.nextCursor ?? undefined });
  await explain('Notice deliveries, landlord-wide notice, page 42', () => dl(big.id, { cursor: deep.nextCursor ?? undefined }));
  await explain('Notice deliveries, landlord-wide notice, status=failed', () => dl(big.id, { status: 'failed' }));
  await explain('Notice deliveries, ordinary urgent notice (~100)', () => dl(small.id));

  // --- Documents -------------------------------------------------------------------------------------
  const docs = (more: Record<string, unknown> = {}) =>
    documentsRepo.listDocuments(db, { landlordId: A, ...page, ...more } as Parameters<typeof documentsRepo.listDocuments>[1]);
  await explain('Staff documents, first page', () => docs());
  const dp1 = await docs();
  await explain('Staff documents, next page', () => docs({ cursor: dp1.nextCursor ?? undefined }));
  await explain('Staff documents, category=minutes', () => docs({ category: 'minutes' }));
  await explain('Staff documents, one customer', () => docs({ customerId: cust.customer_id }));
  await explain('Staff documents, one lease', () => docs({ leaseId: cust.lease_id }));
  await explain('Staff documents, one property', () => docs({ propertyId: cust.property_id }));
  const viewer = { landlordId: A, customerId: cust.customer_id, seesCustomerDocuments: true };
  await explain('Portal documents, main administrator', () => documentsRepo.listPortalDocuments(db, viewer, page));
  await explain('Portal documents, user role (property documents only)', () =>
    documentsRepo.listPortalDocuments(db, { ...viewer, seesCustomerDocuments: false }, page),
  );
  await explain('Portal documents, category=contract', () =>
    documentsRepo.listPortalDocuments(db, viewer, { ...page, category: 'contract' }),
  );

  // --- Posts ---------------------------------------------------------------------------------------------
  await explain('Console posts, first page', () => postsRepo.listPosts(db, { landlordId: A }, page));
  const pp1 = await postsRepo.listPosts(db, { landlordId: A }, page);
  await explain('Console posts, next page', () =>
    postsRepo.listPosts(db, { landlordId: A }, { ...page, cursor: pp1.nextCursor ?? undefined }),
  );
  await explain('Console posts, category=area', () => postsRepo.listPosts(db, { landlordId: A, category: 'area' }, page));
  const reader = { landlordId: A, customerId: cust.customer_id };
  await explain('Portal feed, first page', () => postsRepo.listPortalPosts(db, reader, page));
  const fp1 = await postsRepo.listPortalPosts(db, reader, page);
  await explain('Portal feed, next page', () => postsRepo.listPortalPosts(db, reader, { ...page, cursor: fp1.nextCursor ?? undefined }));
  await explain('Portal feed, category=bulletin', () => postsRepo.listPortalPosts(db, { ...reader, category: 'bulletin' }, page));
  await explain('Portal feed, Home (limit 3)', () => postsRepo.listPortalPosts(db, reader, { limit: 3 }));

  // --- Help centre -------------------------------------------------------------------------------------
  await explain('Console help articles, first page', () => helpRepo.listArticles(db, { landlordId: A }, page));
  await explain('Console help articles, q=faktura', () => helpRepo.listArticles(db, { landlordId: A, q: 'faktura' }, page));
  await explain('Console help articles, locale=sv, q=faktura', () =>
    helpRepo.listArticles(db, { landlordId: A, locale: 'sv', q: 'faktura' }, page),
  );
  await explain('Portal help, list (en, fallback sv)', () =>
    helpRepo.listPortalArticles(db, { landlordId: A, want: 'en', fallback: 'sv' }, 200),
  );
  await explain('Portal help, search "faktura" (sv)', () =>
    helpRepo.listPortalArticles(db, { landlordId: A, want: 'sv', fallback: 'sv', q: 'faktura' }, 50),
  );
  await explain('Portal help, search "parking" (en, fallback sv)', () =>
    helpRepo.listPortalArticles(db, { landlordId: A, want: 'en', fallback: 'sv', q: 'parking' }, 50),
  );
  await explain('Portal help, search "faktura", a small landlord (24 articles)', () =>
    helpRepo.listPortalArticles(db, { landlordId: smallLandlord.id, want: 'sv', fallback: 'sv', q: 'faktura' }, 50),
  );

  console.log('\n## Summary\n\n| list | whole call | each statement (execution, best of 5) |\n| --- | --- | --- |');
  for (const line of summary) console.log(line);
  await pool.end();
}

await main();
