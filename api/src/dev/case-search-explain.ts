/**
 * Times the case list and search queries against a big database and prints EXPLAIN (ANALYZE,
 * BUFFERS) of each SQL statement they run (docs/case-search.md). Development tool, not in CI:
 *   DATABASE_URL=postgres://…/portico_cases_big tsx src/dev/case-search-explain.ts [--plans] [name…]
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../db/schema/index';
import { type CaseFilters, type CaseSort, listCases, type Viewer } from '../modules/cases/repo';

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 4 });
const captured: { query: string; params: unknown[] }[] = [];
let capture = false;
const db = drizzle(pool, {
  schema,
  logger: {
    logQuery: (query, params) => {
      if (capture) captured.push({ query, params });
    },
  },
});

const one = async (sql: string) => (await pool.query(sql)).rows[0];
const landlordId: string = (await one(`select landlord_id from cases group by 1 order by count(*) desc limit 1`)).landlord_id;
const tech: string = (await one(`select assignee_id from cases where assignee_id is not null limit 1`)).assignee_id;
const property: string = (await one(`select property_id from cases limit 1`)).property_id;
const recipient: string = (await one(`select customer_id from case_recipients limit 1`)).customer_id;
const number: string = (await one(`select number from cases order by created_at limit 1 offset 400000`)).number;
const OPEN: CaseFilters['statuses'] = ['new', 'acknowledged', 'in_progress', 'waiting_for_tenant'];

const staff: Viewer = { landlordId };
type Scenario = { name: string; viewer?: Viewer; filters?: CaseFilters; sort?: CaseSort; deep?: boolean };
const scenarios: Scenario[] = [
  { name: 'queue: current, newest first', filters: { statuses: OPEN } },
  { name: 'queue: current, oldest first', filters: { statuses: OPEN }, sort: 'created_asc' },
  { name: 'queue: current, due first', filters: { statuses: OPEN }, sort: 'due_asc' },
  { name: 'all, newest first', sort: 'created_desc' },
  { name: 'all, newest first, page 2', sort: 'created_desc', deep: true },
  { name: 'all, oldest first', sort: 'created_asc' },
  { name: 'all, recently updated', sort: 'updated_desc' },
  { name: 'all, due first', sort: 'due_asc' },
  { name: 'all, due first, page 2', sort: 'due_asc', deep: true },
  { name: 'all, by number', sort: 'number_desc' },
  { name: 'q: common word (kran)', filters: { q: 'kran' } },
  { name: 'q: common word, oldest first', filters: { q: 'kran' }, sort: 'created_asc' },
  { name: 'q: rare word (zeppelinare)', filters: { q: 'zeppelinare' } },
  { name: 'q: rare word, due first', filters: { q: 'zeppelinare' }, sort: 'due_asc' },
  { name: 'q: case number', filters: { q: number } },
  { name: 'q: two words (läcker köket)', filters: { q: 'läcker köket' } },
  { name: 'q: Danish word (vandhanen)', filters: { q: 'vandhanen' } },
  { name: 'q: partial word, current (fläkt)', filters: { q: 'fläkt', statuses: OPEN } },
  { name: 'q: object number', filters: { q: 'OBJ-00042' } },
  { name: 'street: common (storgatan)', filters: { street: 'storgatan' } },
  { name: 'street: one address (Nørregade 16)', filters: { street: 'Nørregade 16' } },
  { name: 'status + dates (resolved, March 2024)', filters: { statuses: ['resolved'], from: '2024-03-01', to: '2024-03-31' } },
  { name: 'current + dates (last 30 days)', filters: { statuses: OPEN, from: '2026-11-01', to: '2026-11-30' } },
  { name: 'object number filter', filters: { objectNumber: 'OBJ-00042' } },
  { name: 'invoice marking', filters: { invoiceMarking: 'KST 42' } },
  { name: 'agreement number', filters: { agreementNumber: 'AV-1236' } },
  { name: 'type: information', filters: { type: 'information' } },
  { name: 'type: information, oldest first', filters: { type: 'information' }, sort: 'created_asc' },
  { name: 'assignee', filters: { assigneeId: tech } },
  { name: 'property', filters: { propertyId: property } },
  { name: 'month (dashboard)', filters: { month: '2025-06' } },
  { name: 'overdue (dashboard)', filters: { statuses: OPEN, overdue: true } },
  { name: 'technician: own cases', viewer: { landlordId, assigneeId: tech } },
  { name: 'technician: own, search', viewer: { landlordId, assigneeId: tech }, filters: { q: 'dörr' } },
  { name: 'tenant: own + related', viewer: { landlordId, customerId: recipient } },
  { name: 'tenant: search', viewer: { landlordId, customerId: recipient }, filters: { q: 'kran' } },
];

const args = process.argv.slice(2);
const plans = args.includes('--plans');
const only = args.filter((a) => !a.startsWith('--'));
const RUNS = 15;
const results: string[] = [];
for (const s of scenarios.filter((x) => only.length === 0 || only.some((o) => x.name.includes(o)))) {
  const viewer = s.viewer ?? staff;
  const sort = s.sort ?? 'created_desc';
  let cursor: string | undefined;
  if (s.deep) cursor = (await listCases(db, viewer, s.filters ?? {}, { sort, limit: 25 })).nextCursor ?? undefined;
  const times: number[] = [];
  let page: Awaited<ReturnType<typeof listCases>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    capture = i === 0;
    const t0 = performance.now();
    page = await listCases(db, viewer, s.filters ?? {}, { sort, cursor, limit: 25 });
    times.push(performance.now() - t0);
  }
  capture = false;
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(RUNS / 2)]!;
  const p95 = times[Math.ceil(RUNS * 0.95) - 1]!;
  const seq: string[] = [];
  const planTexts: string[] = [];
  let seqscanOff = false;
  for (const q of captured.splice(0)) {
    if (/^(begin|commit)/i.test(q.query)) continue;
    if (/^set local enable_seqscan = off/i.test(q.query)) {
      seqscanOff = true;
      continue;
    }
    const client = await pool.connect();
    let text: string;
    try {
      await client.query('begin');
      if (seqscanOff) await client.query('set local enable_seqscan = off');
      const res = await client.query(`explain (analyze, buffers) ${q.query}`, q.params);
      text = res.rows.map((r) => r['QUERY PLAN']).join('\n');
      await client.query('commit');
    } finally {
      client.release();
    }
    if (/Seq Scan on (cases|case_recipients) /.test(text)) seq.push('SEQ SCAN');
    planTexts.push(
      `-- ${q.query}\n-- params: ${JSON.stringify(q.params)}${seqscanOff ? '\n-- (run with enable_seqscan = off)' : ''}\n${text}`,
    );
    seqscanOff = false;
  }
  const line = `${s.name.padEnd(42)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  rows ${String(page!.items.length).padStart(2)}  total ${page!.total}${page!.totalCapped ? '+' : ''} ${seq.join(' ')}`;
  results.push(line);
  console.log(line);
  if (plans) console.log(`\n### ${s.name}\n\n\`\`\`\n${planTexts.join('\n\n')}\n\`\`\`\n`);
}
await pool.end();
