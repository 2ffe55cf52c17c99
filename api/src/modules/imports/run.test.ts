/**
 * Imports from dry run to commit, through the record modules' upserts: a real XLSX and CSV of each
 * kind with bad rows (invalid identity number, unknown references, a unit number twice), a
 * re-import that changes nothing, all-or-nothing commits, and large files through the worker with
 * progress, idempotent when a job runs again.
 */

import { randomUUID } from 'node:crypto';
import type { Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PASSWORD, signIn, uniqueOrgNumber, uniquePersonalNumber } from '../../../test/helpers';
import { insertLandlord, insertStaff } from '../../db/fixtures';
import { importProcessor, importQueue, importWorkerOptions } from '../../jobs/import';
import { queueSettings } from '../../jobs/queue-config';
import { waitFor } from '../../jobs/test-support';
import { runQueued } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let worker: Worker;
beforeAll(async () => {
  // Queues of its own: no other test file's worker takes these jobs (to run them against its own database).
  t = await createTestApp({ REDIS_PREFIX: `imports-${randomUUID().slice(0, 8)}` });
  const { Worker } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const connection = new Redis(t.deps.config.redisUrl, { maxRetriesPerRequest: null });
  worker = new Worker('imports', importProcessor(t.deps), importWorkerOptions(t.deps, connection, queueSettings(t.deps.config)));
  await worker.waitUntilReady();
  connection.disconnect();
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

const csv = (rows: (string | number)[][], sep = ';') =>
  Buffer.from(
    `\uFEFF${rows.map((r) => r.map((c) => (/[";,\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : c)).join(sep)).join('\r\n')}\r\n`,
  );

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Blad1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Detail = {
  id: string;
  status: string;
  counts: { created: number; updated: number; unchanged: number; errors: number } | null;
  errors: { row: number; column: string | null; code: string; message: string }[];
  errorCount: number;
  unknownColumns: string[];
  progress: { done: number; total: number } | null;
};

async function uploaded(client: Client, kind: string, data: Buffer, name: string): Promise<Detail> {
  const res = await client.upload(`/api/v1/imports?kind=${kind}`, data, name);
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  expect(body.unknownColumns, `${name}: unknown columns`).toEqual([]);
  expect(body.missingFields, `${name}: missing fields`).toEqual([]);
  return body;
}

async function step(client: Client, id: string, phase: 'dry-run' | 'commit'): Promise<Detail> {
  const res = await client.post(`/api/v1/imports/${id}/${phase}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Uploads and commits a file that must go through cleanly. */
async function importClean(client: Client, kind: string, data: Buffer, name: string) {
  const up = await uploaded(client, kind, data, name);
  const checked = await step(client, up.id, 'dry-run');
  expect(checked.errors, name).toEqual([]);
  const done = await step(client, up.id, 'commit');
  expect(done.status).toBe('committed');
  return done;
}

const count = async (table: string, landlordId: string) =>
  Number(
    (
      await t.app.db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where landlord_id = ${landlordId} and external_id is not null`,
      )
    ).rows[0]!.n,
  );

async function swedishLandlord() {
  const l = await makeLandlord(t.app, { locale: 'sv' });
  return { l, manager: await signIn(t.app, 'staff', l.manager.email) };
}

const PROPERTIES = [
  ['Fastighets-id', 'Fastighetsnamn', 'Fastighetsbeteckning', 'Gatuadress', 'Postnummer', 'Ort', 'Byggår'],
  ['F-1', 'Björken 4', 'Uppsala Björken 4', 'Storgatan 12', '753 20', 'Uppsala', 1962],
  ['F-2', 'Eken 9', 'Uppsala Eken 9', 'Kungsgatan 40', '753 21', 'Uppsala', 1988],
];
const UNIT_HEADER = ['Objekts-id', 'Fastighets-id', 'Lägenhetsnummer', 'Objekttyp', 'Adress', 'Yta m²'];

describe('dry run and commit through the upserts', () => {
  it('imports properties, units, customers and leases from real XLSX and CSV files, reporting bad rows, and a re-import changes nothing', async () => {
    const { l, manager } = await swedishLandlord();
    const landlordId = l.landlord.id;

    // Properties (XLSX): the dry run writes nothing, the commit writes both.
    const props = await uploaded(manager, 'properties', await xlsx(PROPERTIES), 'fastigheter.xlsx');
    const dry = await step(manager, props.id, 'dry-run');
    expect(dry).toMatchObject({ status: 'checked', counts: { created: 2, updated: 0, unchanged: 0, errors: 0 } });
    expect(await count('properties', landlordId)).toBe(0);
    expect((await step(manager, props.id, 'commit')).counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 0 });
    expect(await count('properties', landlordId)).toBe(2);
    // Applied once: the same import cannot be committed again.
    expect((await manager.post(`/api/v1/imports/${props.id}/commit`)).json().error.code).toBe('import_already_committed');

    // Units (CSV with `;`): an unknown property, a number used twice in the file, an unknown type.
    const badUnits = await uploaded(
      manager,
      'units',
      csv([
        UNIT_HEADER,
        ['O-1', 'F-1', '2001', 'Lägenhet', 'Storgatan 12, lgh 2001', '64,5'],
        ['O-2', 'F-9', '1002', 'Lägenhet', 'Storgatan 12, lgh 1002', '70'],
        ['O-3', 'F-1', '2001', 'Lägenhet', 'Storgatan 12, lgh 2001', '64,5'],
        ['O-4', 'F-2', '0101', 'Slott', 'Kungsgatan 40', '120'],
        ['O-5', 'F-2', '0102', 'Butik', 'Kungsgatan 40', 'stor'],
      ]),
      'objekt.csv',
    );
    const checked = await step(manager, badUnits.id, 'dry-run');
    expect(checked.counts).toEqual({ created: 1, updated: 0, unchanged: 0, errors: 4 });
    expect(checked.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Fastighets-id', 'import_unknown_reference'],
      [4, 'Lägenhetsnummer', 'unit_number_taken'],
      [5, 'Objekttyp', 'import_value_invalid'],
      [6, 'Yta m²', 'import_value_invalid'],
    ]);
    expect(checked.errors[0]!.message).toContain('F-9');
    // The error report: every error, in the reader's language, for Excel.
    const report = await manager.get(`/api/v1/imports/${badUnits.id}/errors.csv`);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Rad";"Kolumn";"Meddelande"');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('"3";"Fastighets-id";');
    const refused = await manager.post(`/api/v1/imports/${badUnits.id}/commit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('import_has_errors');
    expect(await count('units', landlordId)).toBe(0);

    const units = [
      UNIT_HEADER,
      ...Array.from({ length: 4 }, (_, i) => [`O-${i + 1}`, i < 2 ? 'F-1' : 'F-2', `10${i + 1}`, 'Lägenhet', `Gatan ${i + 1}`, '55']),
    ];
    await importClean(manager, 'units', csv(units), 'objekt-rättad.csv');
    expect(await count('units', landlordId)).toBe(4);

    // Customers (CSV with `,`): a person, a company, and an invalid personnummer.
    const person = uniquePersonalNumber();
    const customers = [
      ['Kund-id', 'Kundtyp', 'Namn', 'Personnummer', 'Kontaktperson', 'Kontaktens e-post', 'Kontaktens språk'],
      ['K-1', 'Privatperson', 'Anna Andersson', person, 'Anna Andersson', `anna-${landlordId.slice(0, 6)}@example.se`, 'Svenska'],
      ['K-2', 'Företag', 'Hörnbageriet AB', uniqueOrgNumber(), 'Erik Berg', `erik-${landlordId.slice(0, 6)}@example.se`, 'Svenska'],
      ['K-3', 'Privatperson', 'Bo Bengtsson', '19800101-0000', 'Bo Bengtsson', '', ''],
    ];
    const badCustomers = await uploaded(manager, 'customers', csv(customers, ','), 'kunder.csv');
    const customersChecked = await step(manager, badCustomers.id, 'dry-run');
    expect(customersChecked.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'Personnummer', 'identity_number_invalid']]);
    await importClean(manager, 'customers', csv(customers.slice(0, 3), ','), 'kunder-rättad.csv');
    expect(await count('customers', landlordId)).toBe(2);

    // Leases (XLSX): unit lists, money columns as rent lines; an unknown customer and an unknown unit.
    const leaseHeader = ['Kontrakts-id', 'Kontraktsnummer', 'Kontraktstyp', 'Kund-id', 'Objekts-id:n', 'Gäller från', 'Hyra', 'Parkering'];
    const leaseRows = [
      ['A-1', 'HA-23-0001', 'Bostad', 'K-1', 'O-1', new Date('2023-04-01T00:00:00Z'), '8 450,00', '650'],
      ['A-2', 'LA-24-0002', 'Lokal', 'K-2', 'O-2; O-3', '2024-01-01', 18000, ''],
    ];
    const badLeases = await uploaded(
      manager,
      'leases',
      await xlsx([
        leaseHeader,
        ...leaseRows,
        ['A-3', 'HA-23-0003', 'Bostad', 'K-9', 'O-4', '2023-01-01', '7000', ''],
        ['A-4', 'HA-23-0004', 'Bostad', 'K-1', 'O-4;O-99', '2023-01-01', '7000', ''],
      ]),
      'kontrakt.xlsx',
    );
    const leasesChecked = await step(manager, badLeases.id, 'dry-run');
    expect(leasesChecked.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'Kund-id', 'import_unknown_reference'],
      [5, 'Objekts-id:n', 'import_unknown_reference'],
    ]);
    const leaseFile = await xlsx([leaseHeader, ...leaseRows]);
    const leases = await importClean(manager, 'leases', leaseFile, 'kontrakt-rättad.xlsx');
    expect(leases.counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 0 });
    const rent = await t.app.db.execute<{ kind: string; amount_minor: number }>(
      sql`select r.kind, r.amount_minor from lease_rent_lines r join leases l on l.id = r.lease_id where l.landlord_id = ${landlordId} and l.external_id = 'A-1' order by r.kind`,
    );
    expect(rent.rows.map((r) => [r.kind, Number(r.amount_minor)])).toEqual([
      ['parking', 65_000],
      ['rent', 845_000],
    ]);

    // The same files again: every row unchanged, and no history written.
    const history = async () =>
      Number(
        (await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from record_changes where landlord_id = ${landlordId}`))
          .rows[0]!.n,
      );
    const before = await history();
    for (const [kind, file, name] of [
      ['properties', await xlsx(PROPERTIES), 'fastigheter.xlsx'],
      ['units', csv(units), 'objekt.csv'],
      ['customers', csv(customers.slice(0, 3), ','), 'kunder.csv'],
      ['leases', leaseFile, 'kontrakt.xlsx'],
    ] as const) {
      const again = await importClean(manager, kind, file, name);
      expect(again.counts, kind).toMatchObject({ created: 0, updated: 0, errors: 0 });
      expect(again.counts!.unchanged, kind).toBeGreaterThan(0);
    }
    expect(await history()).toBe(before);
  }, 120_000);

  it("the templates are valid examples: each kind's template imports cleanly, in each language and country", async () => {
    for (const [country, locale] of [
      ['SE', 'sv'],
      ['DK', 'da'],
      ['SE', 'en'],
    ] as const) {
      const u = randomUUID().slice(0, 8);
      const landlord = await insertLandlord(t.app.db, { name: `Mall ${u}`, country, defaultLocale: locale, portalEnabled: true });
      const staff = await insertStaff(t.app.db, {
        landlordId: landlord.id,
        email: `m-${u}@staff.test`,
        name: 'M',
        role: 'manager',
        password: PASSWORD,
      });
      const manager = await signIn(t.app, 'staff', staff.email);
      for (const kind of ['properties', 'units', 'customers', 'leases']) {
        const format = kind === 'units' ? 'csv' : 'xlsx';
        const file = await manager.get(`/api/v1/imports/templates/${kind}?format=${format}`);
        const done = await importClean(manager, kind, file.rawPayload, `${kind}.${format}`);
        expect(done.counts, `${locale} ${kind}`).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 0 });
      }
    }
  }, 120_000);

  it('a row refused at commit time (after a clean dry run) leaves nothing written', async () => {
    const { l, manager } = await swedishLandlord();
    await importClean(manager, 'properties', await xlsx(PROPERTIES), 'fastigheter.xlsx');
    const file = csv([
      UNIT_HEADER,
      ['O-1', 'F-1', '1', 'Lägenhet', 'Gatan 1', '50'],
      ['O-2', 'F-1', '2', 'Lägenhet', 'Gatan 2', '50'],
      ['O-3', 'F-1', '3', 'Lägenhet', 'Gatan 3', '50'],
    ]);
    const up = await uploaded(manager, 'units', file, 'objekt.csv');
    expect((await step(manager, up.id, 'dry-run')).errors).toEqual([]);
    // Meanwhile someone else takes unit number 3.
    await importClean(manager, 'units', csv([UNIT_HEADER, ['X-1', 'F-2', '3', 'Förråd', 'Gatan 9', '5']]), 'annan.csv');
    const failed = await step(manager, up.id, 'commit');
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'Lägenhetsnummer', 'unit_number_taken']]);
    const written = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from units where landlord_id = ${l.landlord.id} and external_id like 'O-%'`,
    );
    expect(Number(written.rows[0]!.n)).toBe(0);
    expect((await manager.post(`/api/v1/imports/${up.id}/commit`)).json().error.code).toBe('import_has_errors');
  }, 60_000);
});

async function settle(client: Client, id: string, seen: number[] = []) {
  return waitFor(async () => {
    const d = (await client.get(`/api/v1/imports/${id}`)).json() as Detail;
    if (d.progress) seen.push(d.progress.done);
    return d.status === 'queued' || d.status === 'running' ? undefined : d;
  }, 600_000);
}

describe('large files through the worker', () => {
  it('runs a 600-row file in the worker; a job run again applies nothing twice; re-importing it changes nothing', async () => {
    const { l, manager } = await swedishLandlord();
    const rows = [
      PROPERTIES[0]!,
      ...Array.from({ length: 600 }, (_, i) => [`W-${i}`, `Hus ${i}`, `Uppsala Hus ${i}`, `Gatan ${i}`, '753 20', 'Uppsala', 1970]),
    ];
    const up = await uploaded(manager, 'properties', csv(rows), 'stor.csv');
    const queued = await manager.post(`/api/v1/imports/${up.id}/dry-run`);
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', background: true, progress: { total: 600 } });
    expect((await manager.post(`/api/v1/imports/${up.id}/commit`)).json().error.code).toBe('import_busy');
    expect((await settle(manager, up.id)).counts).toEqual({ created: 600, updated: 0, unchanged: 0, errors: 0 });
    expect(await count('properties', l.landlord.id)).toBe(0);

    expect((await manager.post(`/api/v1/imports/${up.id}/commit`)).statusCode).toBe(202);
    const done = await settle(manager, up.id);
    expect(done.status).toBe('committed');
    expect(await count('properties', l.landlord.id)).toBe(600);

    // The commit's job handed over again (a retry after a crash, Redis handing it out twice): nothing happens.
    const [row] = (await t.app.db.execute<{ run: number }>(sql`select run from imports where id = ${up.id}`)).rows;
    const job = { importId: up.id, landlordId: l.landlord.id, run: Number(row!.run), actorId: l.manager.id };
    expect(await runQueued(t.deps, job)).toBe('skipped');
    const queue = await importQueue(t.deps.redis, t.deps.config.redisPrefix, queueSettings(t.deps.config));
    await queue.add({ ...job, run: job.run });
    await queue.close();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count('properties', l.landlord.id)).toBe(600);
    expect((await manager.get(`/api/v1/imports/${up.id}`)).json().status).toBe('committed');

    const again = await uploaded(manager, 'properties', csv(rows), 'stor.csv');
    await manager.post(`/api/v1/imports/${again.id}/dry-run`);
    expect((await settle(manager, again.id)).counts).toEqual({ created: 0, updated: 0, unchanged: 600, errors: 0 });
  }, 300_000);

  it('checks a 10,000-row file in the worker with visible progress; its commit fails at the last row and writes nothing', async () => {
    const { l, manager } = await swedishLandlord();
    await importClean(manager, 'properties', await xlsx(PROPERTIES), 'fastigheter.xlsx');
    const n = 10_000;
    const rows = [
      UNIT_HEADER,
      ...Array.from({ length: n }, (_, i) => [`U-${i}`, i % 2 ? 'F-1' : 'F-2', `N${i}`, 'Lägenhet', `Gatan ${i}`, '40']),
    ];
    const up = await uploaded(manager, 'units', csv(rows), 'tiotusen.csv');
    expect((await manager.post(`/api/v1/imports/${up.id}/dry-run`)).statusCode).toBe(202);
    const seen: number[] = [];
    const checked = await settle(manager, up.id, seen);
    expect(checked.counts).toEqual({ created: n, updated: 0, unchanged: 0, errors: 0 });
    // Progress was readable while the run's transaction was open.
    expect(
      seen.some((d) => d > 0 && d < n),
      `progress seen: ${seen.join(',')}`,
    ).toBe(true);

    // The last row's number is taken before the commit: the whole commit rolls back.
    await importClean(manager, 'units', csv([UNIT_HEADER, ['X-1', 'F-1', `N${n - 1}`, 'Förråd', 'Gatan', '5']]), 'en.csv');
    expect((await manager.post(`/api/v1/imports/${up.id}/commit`)).statusCode).toBe(202);
    const failed = await settle(manager, up.id);
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.code])).toEqual([[n + 1, 'unit_number_taken']]);
    const written = await t.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from units where landlord_id = ${l.landlord.id} and external_id like 'U-%'`,
    );
    expect(Number(written.rows[0]!.n)).toBe(0);
  }, 900_000);
});
