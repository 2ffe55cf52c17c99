/**
 * Schema-driven fuzz test over every /api/v1 route (issue 7 §7): requests are generated from each
 * route's own zod contract (params, querystring, body via `z.toJSONSchema`), mixing valid values
 * (ids of real rows, so requests get past "not found" into the services) with hostile ones, and
 * sent anonymously, as a staff admin and as a portal user. No answer may be a 5xx.
 *
 * Replay a run with FUZZ_SEED=<the printed seed>; FUZZ_RUNS sets requests per route. To see how
 * deep the requests get: FUZZ_DEBUG=1 prints each route's statuses, FUZZ_ROUTE='POST /api/v1/cases'
 * prints that route's requests and answers.
 */
import { CUSTOMER_HEADER } from '@portico/shared/headers';
import fc from 'fast-check';
import type { FastifySchema } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { insertInvoice } from '../src/db/fixtures';
import { Client, createTestAppWithEid, makeLandlord, PDF, PNG, signIn, type TestLandlord } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let t: Awaited<ReturnType<typeof createTestAppWithEid>>;
beforeAll(async () => {
  // With the local e-ID broker, so the e-ID routes are fuzzed against a live provider rather than a refused connection.
  t = await createTestAppWithEid('portico-fuzz');
});
afterAll(() => t?.close());

// --- The world the requests act on ---------------------------------------------------------------

type World = { l: TestLandlord; staff: Client; portal: Client; ids: Record<string, string[]>; allIds: string[] };

async function makeWorld(): Promise<World> {
  const l = await makeLandlord(t.app);
  const staff = await signIn(t.app, 'staff', l.admin.email);
  const portal = await signIn(t.app, 'portal', l.companyUser.email);
  const json = async (res: Promise<{ statusCode: number; json: () => { id: string } }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`fixture request failed: ${r.statusCode}`);
    return r.json();
  };
  const upload = await json(staff.upload('/api/v1/uploads', PNG, 'photo.png', 'image/png'));
  const thread = await json(
    staff.post('/api/v1/threads', { customerId: l.company.customer.id, leaseId: l.office.id, subject: 'Hej', body: 'Hej!' }),
  );
  const kase = await json(
    staff.post('/api/v1/cases', { customerId: l.company.customer.id, leaseId: l.office.id, title: 'Lampa', description: 'Trasig' }),
  );
  const portalCase = await json(portal.post('/api/v1/portal/cases', { leaseId: l.office.id, title: 'Dörr', description: 'Kärvar' }));
  const workOrder = await json(
    staff.post(`/api/v1/cases/${kase.id}/work-orders`, {
      description: 'Bytt lampa',
      performedAt: '2026-01-02T10:00:00+01:00',
      minutes: 15,
      materialCostMinor: 0,
    }),
  );
  const object = await json(staff.post('/api/v1/objects', { number: 'O-1', type: 'Diskmaskin', propertyId: l.property.id }));
  const invited = await portal.post('/api/v1/portal/organisation/invitations', {
    email: `fuzz-${l.landlord.id.slice(0, 8)}@x.test`,
    name: 'Ny',
    role: 'user',
  });
  const sessions = (await portal.get('/api/v1/auth/portal/sessions')).json().items ?? [];
  // Issue 12 (HELP): a help article to aim the help-centre routes at.
  const helpArticle = await json(staff.post('/api/v1/help-articles', { locale: 'en', category: 'other', title: 'Hjälp', body: 'Text' }));
  const imported = await json(staff.upload('/api/v1/imports?kind=units', Buffer.from('Unit id,Unit number\nU-1,1\n'), 'units.csv'));
  // Issue 11 (RUN): a notice to aim the invoice routes at.
  const notice = await insertInvoice(t.app.db, {
    landlordId: l.landlord.id,
    customerId: l.company.customer.id,
    leaseId: l.office.id,
    status: 'unpaid',
  });
  // Issue 12 (POSTS): a post for the property, so the post routes get past "not found".
  const post = await json(
    staff.post('/api/v1/posts', {
      category: 'news',
      title: 'Nytt',
      body: 'Text',
      target: { allProperties: false, propertyIds: [l.property.id] },
    }),
  );
  const ids: Record<string, string[]> = {
    landlordId: [l.landlord.id],
    customerId: [l.company.customer.id, l.household.customer.id],
    contactId: [...l.company.contacts.map((c) => c.id), ...l.household.contacts.map((c) => c.id)],
    leaseId: [l.office.id, l.flat.id, l.storage.id],
    propertyId: [l.property.id],
    unitId: l.units.map((u) => u.id),
    assigneeId: [l.manager.id, l.technician.id, l.admin.id],
    userId: [l.companyUser.id],
    threadId: [thread.id],
    caseId: [kase.id, portalCase.id],
    workOrderId: [workOrder.id],
    objectId: [object.id],
    attachmentId: [upload.id],
    invitationId: invited.statusCode < 300 ? [invited.json().id] : [],
    sessionId: sessions.map((s: { id: string }) => s.id),
    importId: [imported.id],
    invoiceId: [notice.id],
    articleId: [helpArticle.id],

    postId: [post.id],
  };
  return { l, staff, portal, ids, allIds: Object.values(ids).flat() };
}

let world: World;

/** Puts the world back after a route that signed a client out, switched the portal off, removed a user… */
async function heal(route: Route) {
  try {
    if ((await world.staff.get('/api/v1/auth/staff/me')).statusCode !== 200)
      world.staff = await signIn(t.app, 'staff', world.l.admin.email);
    if (route.url.endsWith('/settings') && route.method !== 'GET') {
      const restored = await world.staff.patch('/api/v1/settings', { portalEnabled: true, invoicesRequireStrongAuth: false });
      if (restored.statusCode !== 200) throw new Error('settings not restored');
    }
    if ((await world.portal.get('/api/v1/auth/portal/me')).statusCode !== 200)
      world.portal = await signIn(t.app, 'portal', world.l.companyUser.email);
  } catch {
    world = await makeWorld();
  }
}

// --- Values ----------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  'line\r\nBcc: x@y.test',
  '\n',
  '\t',
  '\u001b[31m',
  '\u007f\u0085',
  'invoice\u202Efdp.exe',
  '\u2066\u2069\u200E\u061C',
  '\uFEFF',
  '\uD800',
  '😀'.repeat(300),
  'x'.repeat(100_000),
  '',
  ' ',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '-0001-01-01',
  '2026-02-30',
  '0000-00',
  '-1',
  '1e309',
  'NaN',
  'null',
  "'; drop table cases; --",
  '%00',
  '../../etc/passwd',
  '__proto__',
  '{"$gt":""}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
const HOSTILE_NUMBERS = [-1, 0, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];
const WRONG_TYPES: unknown[] = [null, true, false, 0, 42, 'string', [], {}, [null], { a: 1 }];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

function toJsonSchema(schema: unknown): JsonSchema | undefined {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return undefined;
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const isoDate = fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });

/** A valid-looking value for a string field, by format and by the field's name. */
function stringArb(s: JsonSchema, name: string, w: World): fc.Arbitrary<string> {
  // Array items are named after their list: `attachmentIds` holds `attachmentId`s.
  const known = w.ids[name] ?? w.ids[name.replace(/s$/, '')];
  if (s.format === 'uuid') {
    const pool = known?.length ? known : w.allIds;
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() });
  }
  if (s.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant(w.l.companyUser.email));
  if (s.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (s.pattern) {
    try {
      const dated = s.pattern.startsWith('^\\d{4}-');
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter((v) => v.length <= (s.maxLength ?? 1000))
        .map((v) => (dated ? `2026${v.slice(4)}` : v));
    } catch {
      // A pattern fast-check cannot invert: plain strings below.
    }
  }
  const minLength = s.minLength ?? 0;
  const text = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 40, 40)), unit: 'grapheme' });
  // An unconstrained string may be a `z.stringbool()` (JSON Schema cannot tell): booleans as text too.
  const bare = s.minLength === undefined && s.maxLength === undefined;
  return bare ? fc.oneof(text, fc.constantFrom('true', 'false', '1', '0')) : text;
}

type Ctx = { w: World; root: JsonSchema; chaos: boolean };

/**
 * A value for a schema. Without `chaos` it satisfies the contract (as far as JSON Schema tells);
 * with it, any field may be hostile, required fields go missing and unknown ones come along.
 */
function valueArb(s: JsonSchema, name: string, ctx: Ctx, depth = 0): fc.Arbitrary<unknown> {
  const child = (c: JsonSchema, childName: string) =>
    ctx.chaos
      ? fc.oneof({ weight: 7, arbitrary: valueArb(c, childName, ctx, depth + 1) }, { weight: 1, arbitrary: hostileValue })
      : valueArb(c, childName, ctx, depth + 1);
  if (s.$ref) {
    const def = ctx.root.$defs?.[s.$ref.split('/').pop() ?? ''];
    return def && depth < 6 ? valueArb(def, name, ctx, depth + 1) : fc.constant({});
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valueArb(a, name, ctx, depth + 1)));
  if (s.allOf?.[0]) return valueArb(s.allOf[0], name, ctx, depth + 1);
  const types = [s.type ?? (s.properties ? 'object' : undefined)].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => valueArb({ ...s, type }, name, ctx, depth)));
  switch (types[0]) {
    case 'string':
      return stringArb(s, name, ctx.w);
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
      return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = fc.array(child(s.items ?? {}, name), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
      // Mostly empty where allowed: an attachment id can be bound once, so a reused one ends the request early.
      return s.minItems ? items : fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: items });
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      const fields = (all: boolean) =>
        fc.record(Object.fromEntries(props.map(([key, p]) => [key, child(p, key)])), {
          requiredKeys: all ? (s.required ?? []).filter((k) => s.properties?.[k]) : [],
        });
      if (!ctx.chaos) return fields(true);
      return fc.oneof(
        { weight: 6, arbitrary: fields(true) },
        { weight: 1, arbitrary: fields(false) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fields(true), fc.constantFrom('extra', '__proto__', 'constructor', 'a\u0000'), hostileValue)
            .map(([r, k, v]) => ({ ...r, [k]: v })),
        },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Characters slipped into an otherwise valid string, and years put on an otherwise valid date. */
const FRAGMENTS = [
  '\u0000',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u202E',
  '\u2066',
  '\u001b',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u2028',
  '\uD800',
  '\uFFFF',
];
const YEARS = ['0000', '0000', '0000', '0001', '1899', '2201', '9999'];
type Mutation = { pick: number; kind: 'embed' | 'replace' | 'year'; fragment: string; year: string; replacement: unknown };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('embed', 'embed', 'replace', 'year'),
  fragment: fc.constantFrom(...FRAGMENTS),
  year: fc.constantFrom(...YEARS),
  replacement: hostileValue,
});

/** Every path to a primitive in a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

/** The valid value with exactly one field made hostile: the request most likely to reach the database. */
function mutateOne(value: unknown, m: Mutation): unknown {
  const all = leafPaths(value);
  const at = (path: (string | number)[]) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
  // Aim where the mutation bites: a year at a date, a stray character into a string.
  const aimed = all.filter((path) => {
    const leaf = at(path);
    return m.kind === 'year' ? typeof leaf === 'string' && /^\d{4}-/.test(leaf) : m.kind === 'embed' ? typeof leaf === 'string' : true;
  });
  const paths = aimed.length ? aimed : all;
  const path = paths[m.pick % paths.length];
  // An empty object or list: the hostile value comes as a field of its own.
  if (!path) return Array.isArray(value) ? [m.replacement] : { extra: m.replacement };
  const hostile = (old: unknown): unknown => {
    if (typeof old === 'string' && m.kind === 'year' && /^\d{4}-/.test(old)) return m.year + old.slice(4);
    if (typeof old === 'string' && m.kind !== 'replace') {
      const at = m.pick % (old.length + 1);
      return old.slice(0, at) + m.fragment + old.slice(at);
    }
    return m.replacement;
  };
  if (!path.length) return hostile(value);
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = hostile(node[last]);
  return copy;
}

type Mode = 'valid' | 'one' | 'chaos';
/** Valid values, valid values with one hostile field, or chaos, for a schema. */
function inputArb(schema: JsonSchema, mode: Mode, w: World): fc.Arbitrary<unknown> {
  const valid = valueArb(schema, 'root', { w, root: schema, chaos: mode === 'chaos' });
  return mode === 'one' ? fc.tuple(valid, mutationArb).map(([v, m]) => mutateOne(v, m)) : valid;
}

// --- Requests --------------------------------------------------------------------------------

type Audience = 'anonymous' | 'staff' | 'portal';
type Route = { method: string; url: string; schema?: FastifySchema & { consumes?: string[] } };
type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; payload: string | Buffer; contentType: string } | { kind: 'none' };
type FuzzRequest = { audience: Audience; url: string; body: Body; headers: Record<string, string> };

/** Headers a client controls besides the body: the customer switch, the language, forged or broken cookies. */
const HOSTILE_HEADERS: Record<string, string>[] = [
  { [CUSTOMER_HEADER]: 'not-a-uuid' },
  { [CUSTOMER_HEADER]: '00000000-0000-4000-8000-000000000000' },
  { 'accept-language': 'xx;q=abc,,,;;sv' },
  { cookie: 'portico_staff_at=garbage; portico_portal_at=a.b.c' },
  { cookie: `portico_staff_rt=${'x'.repeat(4000)}; portico_portal_rt=%00%ZZ` },
  // An unsigned token ("alg": "none") naming a key id that does not exist.
  {
    cookie:
      'portico_staff_at=eyJhbGciOiJub25lIiwia2lkIjoieCJ9.eyJzdWIiOiJ4IiwiYXVkIjoic3RhZmYifQ.; portico_portal_at=eyJhbGciOiJub25lIn0.e30.',
  },
  { 'x-portico-csrf': '0' },
  { 'content-length': '5' },
];

const RAW_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '"unterminated',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '1e999',
  '[]',
  'null',
  '"x"',
  '0',
];
const rawJson: fc.Arbitrary<Body> = fc.oneof(
  fc.constantFrom(...RAW_JSON).map((payload): Body => ({ kind: 'raw', payload, contentType: 'application/json' })),
  fc.constant<Body>({ kind: 'raw', payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' }),
  fc.constant<Body>({ kind: 'raw', payload: '{"a":1}', contentType: 'application/json; charset=latin1' }),
  fc.constant<Body>({ kind: 'raw', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }),
  fc.constant<Body>({ kind: 'raw', payload: 'hello', contentType: 'text/plain' }),
  fc.constant<Body>({ kind: 'raw', payload: Buffer.from([0xff, 0xfe, 0x00]), contentType: 'application/json' }),
);

const BOUNDARY = 'FuzzBoundary7';
const multipartBody = (name: string, filename: string, data: Buffer, type: string) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename.replace(/"/g, '%22')}"\r\nContent-Type: ${type}\r\n\r\n`,
      'utf8',
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
const validUpload: fc.Arbitrary<Body> = fc.constantFrom<[string, Buffer]>(['photo.png', PNG], ['report.pdf', PDF]).map(
  ([filename, data]): Body => ({
    kind: 'raw',
    payload: multipartBody('file', filename, data, 'application/octet-stream'),
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  }),
);
const multipart: fc.Arbitrary<Body> = fc.oneof(
  fc
    .tuple(fc.oneof(fc.constant('photo.png'), hostileString), fc.constantFrom(PNG, PDF, Buffer.from('MZ\u0000\u0000'), Buffer.alloc(0)))
    .map(
      ([filename, data]): Body => ({
        kind: 'raw',
        payload: multipartBody('file', filename, data, 'application/octet-stream'),
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      }),
    ),
  fc
    .tuple(
      fc.constantFrom(
        'multipart/form-data',
        `multipart/form-data; boundary=${BOUNDARY}`,
        'multipart/form-data; boundary=Other',
        'multipart/mixed; boundary=x',
      ),
      fc.constantFrom(
        multipartBody('file', 'a.png', PNG, 'image/png').subarray(0, 60),
        multipartBody('other', 'a.png', PNG, 'image/png'),
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`),
        Buffer.from(`--${BOUNDARY}\r\nBroken header\r\n\r\nx\r\n--${BOUNDARY}--\r\n`),
        Buffer.from(''),
        Buffer.from([0, 1, 2, 3]),
      ),
    )
    .map(([contentType, payload]): Body => ({ kind: 'raw', payload, contentType })),
);

const HOSTILE_SEGMENTS = ['%00', '%ZZ', '..', '%2e%2e%2f', 'a'.repeat(3000), '%E0%A4%A', '%F0%9F%98%80', '0', '-1'];
const HOSTILE_QUERIES = [
  '&%00=1',
  '&a=%E0%A4%A',
  '&__proto__[x]=1',
  '&page=99999999999999999999',
  '&page=-5&pageSize=0',
  '&x=%ZZ',
  '&&&==',
];

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) goes as its raw UTF-8 bytes. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/**
 * A generated value as text. Not `String(v)`: fast-check likes keys such as `toString` and
 * `valueOf`, and `String({ toString: 1 })` throws in the test instead of reaching the server.
 */
const asText = (v: unknown): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

function queryString(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value === undefined ? '' : `v=${encodeSegment(asText(value))}`;
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined) continue;
      search.append(key, asText(item));
    }
  }
  return search.toString();
}

function naturalAudience(url: string): Audience {
  if (url.startsWith('/api/v1/portal/') || url.startsWith('/api/v1/auth/portal/')) return 'portal';
  if (url.startsWith('/api/v1/auth/')) return url.includes('/staff/') ? 'staff' : 'anonymous';
  return 'staff';
}

function requestArb(route: Route, w: World): fc.Arbitrary<FuzzRequest> {
  const schema = route.schema ?? {};
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const paramsSchema: JsonSchema = toJsonSchema(schema.params) ?? {
    type: 'object',
    properties: Object.fromEntries(paramNames.map((n) => [n, { type: 'string' }])),
    required: paramNames,
  };
  const querySchema = toJsonSchema(schema.querystring);
  const bodySchema = toJsonSchema(schema.body) ?? {};
  const isUpload = Boolean(schema.consumes?.includes('multipart/form-data'));
  const hasBody = route.method !== 'GET' && !isUpload;
  // In 'one' mode a single field of one part (params, query or body) turns hostile.
  const parts = ['params', 'query', 'body'].filter((p) => (p === 'params' ? paramNames.length : p === 'query' ? querySchema : hasBody));

  return fc
    .record({
      mode: fc.constantFrom<Mode>('valid', 'valid', 'valid', 'one', 'one', 'one', 'one', 'chaos', 'chaos'),
      target: fc.constantFrom(...(parts.length ? parts : ['none'])),
      // Mostly the audience the route is for, so requests get past authentication into the contract.
      audience: fc.oneof(
        { weight: 4, arbitrary: fc.constant(naturalAudience(route.url)) },
        { weight: 1, arbitrary: fc.constantFrom<Audience>('anonymous', 'staff', 'portal') },
      ),
    })
    .chain(({ mode, target, audience }) => {
      const modeFor = (part: string): Mode => (mode === 'one' && target !== part ? 'valid' : mode);
      const params = fc.oneof(
        { weight: 8, arbitrary: inputArb(paramsSchema, modeFor('params'), w) },
        {
          weight: mode === 'valid' ? 0 : 1,
          arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((seg) => Object.fromEntries(paramNames.map((n) => [n, seg]))),
        },
      );
      const path = params.map((values) =>
        paramNames.reduce((url, name) => {
          const v = (values as Record<string, unknown> | null)?.[name];
          const raw = typeof v === 'string' && HOSTILE_SEGMENTS.includes(v) ? v : encodeSegment(asText(v ?? ''));
          return url.replace(`:${name}`, raw || 'x');
        }, route.url),
      );
      const query = fc
        .tuple(
          querySchema ? inputArb(querySchema, modeFor('query'), w).map(queryString) : fc.constant(''),
          mode === 'chaos' ? fc.constantFrom('', ...HOSTILE_QUERIES) : fc.constant(''),
        )
        .map(([q, extra]) => (q || extra ? `?${q}${extra}` : ''));
      const json = inputArb(bodySchema, modeFor('body'), w).map((value): Body => ({ kind: 'json', value }));
      const body: fc.Arbitrary<Body> = isUpload
        ? mode === 'valid'
          ? validUpload
          : fc.oneof({ weight: 3, arbitrary: multipart }, { weight: 1, arbitrary: rawJson })
        : !hasBody
          ? fc.constant<Body>({ kind: 'none' })
          : mode === 'chaos'
            ? fc.oneof(
                { weight: 3, arbitrary: json },
                { weight: 2, arbitrary: rawJson },
                { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
              )
            : json;
      const headers = mode === 'chaos' ? fc.oneof(fc.constant({}), fc.constantFrom(...HOSTILE_HEADERS)) : fc.constant({});
      return fc.record({ audience: fc.constant(audience), url: fc.tuple(path, query).map(([p, q]) => p + q), body, headers });
    });
}

async function send(method: string, req: FuzzRequest) {
  const client = req.audience === 'staff' ? world.staff : req.audience === 'portal' ? world.portal : new Client(t.app);
  const headers = { ...client.headers(), ...req.headers };
  let payload: string | Buffer | undefined;
  if (req.body.kind === 'json') {
    payload = JSON.stringify(req.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (req.body.kind === 'raw') {
    payload = req.body.payload;
    headers['content-type'] = req.body.contentType;
  }
  return t.app.inject({ method: method as 'GET', url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
}

// --- The test --------------------------------------------------------------------------------

it('answers every route, fed from its contract with valid and hostile input, without a 5xx', { timeout: 400_000 }, async () => {
  world = await makeWorld();
  const routes = t.app.apiRoutes as Route[];
  expect(routes.length).toBeGreaterThan(50);
  const started = Date.now();
  const counts = new Map<string, number>();
  const failures: { route: string; request: FuzzRequest; status: number; body: string }[] = [];
  const statuses = new Map<string, string>();
  let total = 0;
  for (const [index, route] of routes.entries()) {
    const key = `${route.method} ${route.url}`;
    const samples = fc.sample(requestArb(route, world), { numRuns: RUNS, seed: SEED + index });
    for (const req of samples) {
      const res = await send(route.method, req);
      total++;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      statuses.set(key, `${statuses.get(key) ?? ''} ${res.statusCode}`);
      if (process.env.FUZZ_ROUTE === key) console.log(res.statusCode, JSON.stringify(req).slice(0, 400), res.body.slice(0, 300));
      if (res.statusCode >= 500) failures.push({ route: key, request: req, status: res.statusCode, body: res.body.slice(0, 300) });
    }
    await heal(route);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${SEED}, ${routes.length} routes, ${total} requests, ${failures.length} × 5xx, ${seconds} s`);
  if (process.env.FUZZ_DEBUG) for (const [key, list] of statuses) console.log(key, list);
  for (const f of failures.slice(0, 20)) {
    const shown = {
      ...f.request,
      body: f.request.body.kind === 'json' ? JSON.stringify(f.request.body.value)?.slice(0, 300) : f.request.body,
    };
    console.log(`5xx ${f.status} ${f.route}`, JSON.stringify(shown).slice(0, 600), f.body);
  }
  // Every route was exercised: a new route is fuzzed from its contract the day it lands.
  expect(routes.filter((r) => (counts.get(`${r.method} ${r.url}`) ?? 0) < RUNS).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(
    failures.map((f) => `${f.status} ${f.route}`),
    `FUZZ_SEED=${SEED} replays this run`,
  ).toEqual([]);
});
