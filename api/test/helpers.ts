import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseSwedishOrgNumber, parseSwedishPersonalNumber } from '@portico/shared/formats/identity';
import { CSRF_HEADER, CUSTOMER_HEADER } from '@portico/shared/headers';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '../src/db/fixtures';
import { outbox } from '../src/db/schema/outbox';
import { startEidBroker } from '../src/dev/eid-broker';
import { openInfra } from '../src/infra';
import { sequenceOnce } from '../src/jobs/webhooks';

export const PASSWORD = 'Correct-Horse-Battery-9';

/** `opts.logStream`: where the app's JSON log lines go (set LOG_LEVEL in `env` too), for tests that read them. */
export async function createTestApp(env: Record<string, string> = {}, opts: Parameters<typeof buildApp>[1] = {}) {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: '1000',
    SIGNUP_CLIENT_LIMIT: '100000',
    FILES_DIR: process.env.FILES_DIR ?? path.join(os.tmpdir(), 'portico-test-files'),
    TENANT_WEB_URL: 'http://tenant.test',
    ADMIN_WEB_URL: 'http://admin.test',
    WEBHOOK_ALLOW_PRIVATE: '1',
    ...env,
  });
  const infra = openInfra(config, { role: 'api' });
  const app = await buildApp(infra.deps, opts);
  return {
    app,
    deps: infra.deps,
    async close() {
      await app.close();
      await infra.close();
    },
  };
}

/** Where the test API's e-ID callback lives (TENANT_WEB_URL of createTestApp). */
export const EID_CALLBACK = 'http://tenant.test/api/v1/auth/portal/eid/callback';

/** A test app wired to a live local e-ID broker on a free port, so e-ID round trips are real. */
export async function createTestAppWithEid(clientId: string) {
  const clientSecret = `${clientId}-secret`;
  const broker = await startEidBroker({ port: 0, clients: [{ clientId, clientSecret, redirectUris: [EID_CALLBACK] }] });
  const t = await createTestApp({ EID_ISSUER: broker.issuer, EID_CLIENT_ID: clientId, EID_CLIENT_SECRET: clientSecret });
  return {
    ...t,
    broker,
    async close() {
      await t.close();
      await broker.close();
    },
  };
}

const unique = () => randomUUID().slice(0, 8);

/**
 * A landlord of its own for each test: staff of every role, one property, a household with a
 * flat and a storage room and no portal user, and a company whose first contact is registered.
 */
export async function makeLandlord(
  app: FastifyInstance,
  opts: { portalEnabled?: boolean; passwordPolicy?: 'standard' | 'classic'; locale?: 'sv' | 'da' | 'en' } = {},
) {
  const { db } = app;
  const u = unique();
  const landlord = await insertLandlord(db, {
    name: `Landlord ${u}`,
    country: 'SE',
    defaultLocale: opts.locale ?? 'en',
    portalEnabled: opts.portalEnabled ?? true,
    passwordPolicy: opts.passwordPolicy ?? 'standard',
  });
  const staff = async (role: 'admin' | 'manager' | 'finance' | 'technician') =>
    insertStaff(db, { landlordId: landlord.id, email: `${role}-${u}@staff.test`, name: `${role} ${u}`, role, password: PASSWORD });
  const admin = await staff('admin');
  const manager = await staff('manager');
  const technician = await staff('technician');
  const { property, units } = await insertProperty(
    db,
    { landlordId: landlord.id, name: 'Testgatan 1', street: 'Testgatan 1', postalCode: '111 11', city: 'Stockholm', managerId: manager.id },
    [
      { number: '1001', type: 'apartment', address: 'Testgatan 1, lgh 1001' },
      { number: 'F1', type: 'storage', address: 'Testgatan 1, förråd 1' },
      { number: '0201', type: 'office', address: 'Testgatan 1, plan 2' },
    ],
  );
  const household = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Household ${u}` }, [
    { name: `Tenant ${u}`, email: `tenant-${u}@tenant.test` },
  ]);
  const flat = await insertLease(db, {
    landlordId: landlord.id,
    customerId: household.customer.id,
    unitId: units[0]!.id,
    number: `L-${u}-1`,
    validFrom: '2024-01-01',
  });
  const storage = await insertLease(db, {
    landlordId: landlord.id,
    customerId: household.customer.id,
    unitId: units[1]!.id,
    number: `L-${u}-2`,
    validFrom: '2024-01-01',
  });
  const company = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Company ${u} AB` }, [
    { name: `Main ${u}`, email: `main-${u}@company.test` },
    { name: `Second ${u}`, email: `second-${u}@company.test` },
    { name: `No mail ${u}`, email: null },
  ]);
  const office = await insertLease(db, {
    landlordId: landlord.id,
    customerId: company.customer.id,
    unitId: units[2]!.id,
    number: `L-${u}-3`,
    validFrom: '2024-01-01',
  });
  const companyUser = await insertPortalUser(db, { email: `main-${u}@company.test`, name: `Main ${u}`, password: PASSWORD }, [
    { landlordId: landlord.id, customerId: company.customer.id, contactId: company.contacts[0]!.id, role: 'main_admin' },
  ]);
  return { landlord, admin, manager, technician, property, units, household, flat, storage, company, office, companyUser };
}
export type TestLandlord = Awaited<ReturnType<typeof makeLandlord>>;

/** A signed-in client: keeps cookies like a browser and adds the CSRF header. */
export class Client {
  cookies = new Map<string, string>();
  customerId?: string;
  constructor(readonly app: FastifyInstance) {}

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  headers(extra: Record<string, string> = {}) {
    const h: Record<string, string> = { [CSRF_HEADER]: '1', ...extra };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.customerId) h[CUSTOMER_HEADER] = this.customerId;
    return h;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.keep(
      await this.app.inject({
        method,
        url,
        headers: this.headers(headers),
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    );
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, payload: unknown = {}, headers?: Record<string, string>) => this.request('POST', url, payload, headers);
  patch = (url: string, payload: unknown, headers?: Record<string, string>) => this.request('PATCH', url, payload, headers);
  put = (url: string, payload: unknown, headers?: Record<string, string>) => this.request('PUT', url, payload, headers);

  async upload(url: string, data: Buffer | Uint8Array, filename: string, type = 'application/octet-stream') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: this.headers({ 'content-type': encoded.headers.get('content-type')! }),
      }),
    );
  }
}

export async function signIn(app: FastifyInstance, audience: 'staff' | 'portal', email: string, password = PASSWORD) {
  const client = new Client(app);
  const res = await client.post(`/api/v1/auth/${audience}/login`, { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  return client;
}

/** Outbox rows whose payload goes to an address, newest last. */
export async function outboxFor(app: FastifyInstance, to: string) {
  const rows = await app.db.select().from(outbox).orderBy(outbox.createdAt);
  return rows.filter((r) => (r.payload as { to?: string }).to === to);
}

export const tokenFromLink = (link: string) => link.split('/').pop()!.split('=').pop()!;

// Smallest valid files of each kind, so uploads are sniffed for real.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
export { eq };

/** A valid Swedish organisation number no other test uses: found by trying check digits. */
export function uniqueOrgNumber(): string {
  for (;;) {
    const body = `5${Math.floor(Math.random() * 10)}${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    for (let check = 0; check < 10; check++) {
      const parsed = parseSwedishOrgNumber(`${body}${check}`);
      if (parsed) return parsed.normalized;
    }
  }
}

/** A valid 12-digit Swedish personnummer, random enough not to collide between tests. */
export function uniquePersonalNumber(): string {
  for (;;) {
    const body = `19${50 + Math.floor(Math.random() * 49)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    for (let check = 0; check < 10; check++) {
      const parsed = parseSwedishPersonalNumber(`${body}${check}`);
      if (parsed?.kind === 'se_personal') return parsed.normalized;
    }
  }
}

/** A record's history entries as the API answers them, newest first. */
export async function historyOf(c: Client, recordType: string, recordId: string) {
  return (await c.get(`/api/v1/history/${recordType}/${recordId}`)).json().items as {
    action: string;
    actor: { kind: string; id: string | null; name: string };
    changes: Record<string, { from: unknown; to: unknown }>;
  }[];
}

/**
 * Numbers every event written so far, as the worker's sequencer loop does: in batches until none is
 * left. One batch is not enough in a shared test database, where other files' events queue too.
 */
export async function sequenceAll(db: Db) {
  while ((await sequenceOnce(db, { sequenceBatch: 500 })) > 0) {}
}
