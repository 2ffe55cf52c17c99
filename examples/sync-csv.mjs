#!/usr/bin/env node
// Syncs a CSV of customers and their leases into Portico through the bulk upsert endpoints
// (docs/integrators.md). Plain Node ≥ 20, no dependencies.
//
//   PORTICO_URL=https://portico.example.com PORTICO_API_KEY=ptk_… node examples/sync-csv.mjs examples/customers-leases.csv
//
// One row per lease, with its customer's columns (a customer with several leases repeats them):
//   customer_external_id, customer_kind (person|company), customer_name, customer_email, customer_phone,
//   contact_name, contact_email, lease_external_id, lease_number, lease_type (residential|commercial|
//   parking|storage), unit_external_ids (separated by ";"), valid_from, valid_to, notice_months,
//   monthly_rent (SEK/DKK per month, "8450.00" or "8 450,00").
// Units are matched by their external ids, so sync properties and units first (PUT /units/by-external-id/…).
//
// Every write carries an Idempotency-Key made once per batch and reused on retries, so a network
// failure or a 5xx is retried without creating anything twice. Prints one line per CSV row and exits
// with 1 when any row failed.
//
// Credentials: PORTICO_API_KEY (a key with customers:write and properties:write, sent as
// `Authorization: Bearer`). PORTICO_SESSION_COOKIE (a console session's cookie header, for local
// development without a key) is used only when no key is set.

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const BATCH = 1000; // the API's limit per bulk call
const baseUrl = (process.env.PORTICO_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const apiKey = process.env.PORTICO_API_KEY;
const cookie = process.env.PORTICO_SESSION_COOKIE;

/** RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks. `;` or `,` by the header. */
function parseCsv(text) {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') field += source[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [header, ...data] = rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  return data.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), (cells[i] ?? '').trim()])));
}

const orNull = (value) => (value === '' ? null : value);
/** "23 500,50" or "23500.50" → 2350050 (öre/øre). */
const minorUnits = (value) => Math.round(Number(value.replace(/[\s\u00a0]/g, '').replace(',', '.')) * 100);

function customerOf(row) {
  return {
    externalId: row.customer_external_id,
    kind: row.customer_kind,
    name: row.customer_name,
    email: orNull(row.customer_email),
    phone: orNull(row.customer_phone),
    // Contacts are matched by e-mail within the customer; contacts not sent are kept.
    contacts: row.contact_name ? [{ name: row.contact_name, email: orNull(row.contact_email) }] : [],
  };
}

function leaseOf(row) {
  return {
    externalId: row.lease_external_id,
    number: row.lease_number,
    type: row.lease_type,
    customerExternalId: row.customer_external_id,
    unitExternalIds: row.unit_external_ids
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean),
    validFrom: row.valid_from,
    validTo: orNull(row.valid_to),
    ...(row.notice_months ? { noticePeriodMonths: Number(row.notice_months) } : {}),
    rentLines: row.monthly_rent ? [{ kind: 'rent', amountMinor: minorUnits(row.monthly_rent) }] : [],
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One POST with its Idempotency-Key, retried (same key) on network errors, 5xx, 409 in progress and 429. */
async function post(path, body, idempotencyKey) {
  const headers = { 'content-type': 'application/json', 'idempotency-key': idempotencyKey };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  else if (cookie) Object.assign(headers, { cookie, 'x-portico-csrf': '1' });
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleep(1000 * 2 ** (attempt - 1));
      continue;
    }
    const retryable = res.status >= 500 || res.status === 429 || res.status === 409;
    if (!retryable || attempt >= 5) {
      const json = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error?.code ?? ''} ${json.error?.message ?? ''}`.trim());
      return json;
    }
    const wait = Number(res.headers.get('retry-after'));
    await sleep(Number.isFinite(wait) && wait > 0 ? wait * 1000 : 1000 * 2 ** (attempt - 1));
  }
}

/** Upserts items in batches of 1,000; answers the result per item, in order. */
async function bulk(path, items) {
  const results = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const answer = await post(path, { items: items.slice(start, start + BATCH) }, randomUUID());
    results.push(...answer.results);
  }
  return results;
}

const describe = (result) =>
  result.status === 'failed'
    ? `failed (${result.error.code}: ${result.error.message}${result.error.resource ? ` [${result.error.resource}]` : ''})`
    : result.status;

async function main() {
  const file = process.argv[2] ?? new URL('./customers-leases.csv', import.meta.url).pathname;
  if (!apiKey && !cookie) {
    console.error('Set PORTICO_API_KEY (an API key from the console: Settings → API keys).');
    process.exit(2);
  }
  const rows = parseCsv(await readFile(file, 'utf8'));

  // Each customer once (the first row that names it), then every lease.
  const customerIndex = new Map();
  const customers = [];
  for (const row of rows) {
    if (!customerIndex.has(row.customer_external_id)) {
      customerIndex.set(row.customer_external_id, customers.length);
      customers.push(customerOf(row));
    }
  }
  const customerResults = await bulk('/api/v1/customers/bulk', customers);
  const leaseResults = await bulk('/api/v1/leases/bulk', rows.map(leaseOf));

  let failed = 0;
  rows.forEach((row, i) => {
    const customer = customerResults[customerIndex.get(row.customer_external_id)];
    const lease = leaseResults[i];
    if (customer.status === 'failed' || lease.status === 'failed') failed++;
    // Row numbers as a spreadsheet shows them (the header is row 1).
    console.log(
      `row ${i + 2}: customer ${row.customer_external_id} ${describe(customer)}; lease ${row.lease_external_id} ${describe(lease)}`,
    );
  });
  console.log(`${rows.length} rows: ${rows.length - failed} synced, ${failed} failed (${customers.length} customers)`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(2);
});
