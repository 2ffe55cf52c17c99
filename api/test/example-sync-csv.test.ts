/**
 * Runs examples/sync-csv.mjs — the integrators' example (docs/integrators.md) — against the API
 * listening on a free port, as an integrator would, and checks what it wrote.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customers } from '../src/db/schema/customers';
import { idempotencyKeys } from '../src/db/schema/idempotency';
import { leases } from '../src/db/schema/leases';
import { type Client, createTestApp, makeLandlord, signIn, type TestLandlord } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'examples/sync-csv.mjs');
const sample = path.join(root, 'examples/customers-leases.csv');

let t: Awaited<ReturnType<typeof createTestApp>>;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/**
 * The script's credentials: an API key with customers:write and properties:write when the API has
 * keys (issue 10, KEYS: `POST /api/v1/api-keys`, made by an admin), else — on a branch without them —
 * the manager's console session (`PORTICO_SESSION_COOKIE`). The script prefers the key.
 */
async function credentials(l: TestLandlord, manager: Client): Promise<Record<string, string>> {
  if (!t.app.apiRoutes.some((r) => r.method === 'POST' && r.url === '/api/v1/api-keys')) {
    return { PORTICO_SESSION_COOKIE: manager.headers().cookie! };
  }
  const admin = await signIn(t.app, 'staff', l.admin.email);
  const key = await admin.post('/api/v1/api-keys', { name: 'sync-csv example', scopes: ['customers:write', 'properties:write'] });
  expect(key.statusCode, key.body).toBeLessThan(300);
  return { PORTICO_API_KEY: key.json().secret as string };
}

async function sync(auth: Record<string, string>, csv: string) {
  const env = { PATH: process.env.PATH ?? '', PORTICO_URL: baseUrl, ...auth };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, csv], { env, timeout: 60_000 });
    return { code: 0, lines: stdout.trim().split('\n') };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, lines: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n') };
  }
}

it('examples/sync-csv.mjs syncs the sample CSV, a second run changes nothing, a bad row is reported alone', async () => {
  const l = await makeLandlord(t.app);
  const manager = await signIn(t.app, 'staff', l.manager.email);
  // The units the sample's leases name, synced as an integrator would first.
  const property = await manager.put('/api/v1/properties/by-external-id/P-EX', {
    name: 'Exempelgatan 1',
    street: 'Exempelgatan 1',
    postalCode: '222 22',
    city: 'Lund',
  });
  expect(property.statusCode).toBe(201);
  for (const [externalId, type] of [
    ['U-1001', 'apartment'],
    ['U-1002', 'apartment'],
    ['U-0101', 'retail'],
    ['U-0102', 'office'],
    ['U-F01', 'storage'],
  ] as const) {
    const unit = await manager.put(`/api/v1/units/by-external-id/${externalId}`, {
      propertyExternalId: 'P-EX',
      number: `${externalId}-${l.landlord.id.slice(0, 6)}`,
      type,
      address: `Exempelgatan 1, ${externalId}`,
    });
    expect(unit.statusCode, unit.body).toBe(201);
  }

  const auth = await credentials(l, manager);
  const first = await sync(auth, sample);
  expect(first.code, first.lines.join('\n')).toBe(0);
  expect(first.lines.slice(0, 4)).toEqual([
    'row 2: customer C-1001 created; lease L-1001 created',
    'row 3: customer C-1002 created; lease L-1002 created',
    'row 4: customer C-1002 created; lease L-1003 created',
    'row 5: customer C-1003 created; lease L-1004 created',
  ]);
  const stored = await t.app.db
    .select({ id: customers.id, externalId: customers.externalId, name: customers.name })
    .from(customers)
    .where(and(eq(customers.landlordId, l.landlord.id), isNotNull(customers.externalId)));
  expect(stored.map((c) => c.name).sort()).toEqual(['Bageriet i Lund AB', 'Karin Holm', 'Nilsson, Jonas']);
  // Written by the key (or the session) the script was given: the history and the idempotency claims say so.
  const viaKey = 'PORTICO_API_KEY' in auth;
  const karin = stored.find((c) => c.name === 'Karin Holm')!;
  const entries = (await manager.get(`/api/v1/history/customer/${karin.id}`)).json().items as { actor: { kind: string } }[];
  expect(entries[0]!.actor.kind).toBe(viaKey ? 'api_key' : 'staff');
  const claims = await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.landlordId, l.landlord.id));
  expect(claims.map((c) => c.request).sort()).toEqual(['POST /api/v1/customers/bulk', 'POST /api/v1/leases/bulk']);
  expect(claims.every((c) => c.state === 'completed' && c.actor.startsWith(viaKey ? 'key:' : 'staff:'))).toBe(true);
  const rent = await manager.get('/api/v1/leases?q=HA-1002');
  const lease = rent.json().items.find((x: { number: string }) => x.number === 'HA-1002');
  expect(lease).toBeDefined();
  const detail = (await manager.get(`/api/v1/leases/${lease.id}`)).json();
  expect(detail.rentLines.map((r: { amountMinor: number }) => r.amountMinor)).toEqual([2350050]);
  expect(detail.units).toHaveLength(2);

  const second = await sync(auth, sample);
  expect(second.code).toBe(0);
  for (const line of second.lines.slice(0, 4)) expect(line).toMatch(/^row \d: customer C-\d+ unchanged; lease L-\d+ unchanged$/);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'sync-csv-'));
  const broken = path.join(dir, 'broken.csv');
  await writeFile(
    broken,
    `${(await readFile(sample, 'utf8')).trimEnd()}\nC-1004,person,Ny Kund,ny@example.se,,,,L-1005,HA-1005,residential,U-9999,2025-03-01,,3,5000\n`,
  );
  const third = await sync(auth, broken);
  expect(third.code).toBe(1);
  expect(third.lines[4]).toMatch(/^row 6: customer C-1004 created; lease L-1005 failed \(not_found: .+ \[unit\]\)$/);
  expect(third.lines.at(-1)).toBe('5 rows: 4 synced, 1 failed (4 customers)');
  const leaseRows = await t.app.db
    .select()
    .from(leases)
    .where(and(eq(leases.landlordId, l.landlord.id), isNotNull(leases.externalId)));
  expect(leaseRows.map((r) => r.externalId).sort()).toEqual(['L-1001', 'L-1002', 'L-1003', 'L-1004']);
}, 120_000);
