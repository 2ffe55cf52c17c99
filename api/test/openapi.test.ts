import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from './helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('documents every /api/v1 route in the OpenAPI 3.1 document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.1.0');
  const documented = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
  }
  const routes = t.app.apiRoutes;
  expect(routes.length).toBeGreaterThan(20);
  const missing = routes.filter((r) => !documented.has(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`));
  expect(missing).toEqual([]);
});

it('declares the API-key bearer scheme and, per operation, the scope a key needs (issue 10)', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(doc.components.securitySchemes.staffCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
  const security = (method: string, path: string) => doc.paths[path][method].security;
  expect(security('get', '/api/v1/customers')).toEqual([{ staffCookie: [] }, { apiKey: ['customers:read'] }]);
  expect(security('post', '/api/v1/customers')).toEqual([{ staffCookie: [] }, { apiKey: ['customers:write'] }]);
  expect(security('patch', '/api/v1/leases/{leaseId}')).toEqual([{ staffCookie: [] }, { apiKey: ['properties:write'] }]);
  expect(security('get', '/api/v1/threads')).toEqual([{ staffCookie: [] }, { apiKey: ['messages:read'] }]);
  expect(security('get', '/api/v1/history/{recordType}/{recordId}')).toEqual([
    { staffCookie: [] },
    { apiKey: ['properties:read'] },
    { apiKey: ['customers:read'] },
  ]);
  // Outside every area: the console's cookie only.
  for (const [method, path] of [
    ['get', '/api/v1/settings'],
    ['get', '/api/v1/staff-users'],
    ['post', '/api/v1/api-keys'],
    ['get', '/api/v1/imports'],
  ]) {
    expect(security(method!, path!), path).toEqual([{ staffCookie: [] }]);
  }
  expect(security('get', '/api/v1/portal/threads')).toEqual([{ portalCookie: [] }]);
  // Every landlord-scope operation names the cookie, and no bearer scope outside the known ones.
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: Record<string, string[]>[] }>>)) {
    if (path.startsWith('/api/v1/auth/')) continue;
    for (const op of Object.values(ops)) {
      expect(op.security?.[0], path).toBeDefined();
      for (const s of op.security!.slice(1)) expect(s.apiKey?.[0], path).toMatch(/^[a-z]+:(read|write)$/);
    }
  }
  // Keys reach everything a staff member can do with landlord data: a landlord-scope operation
  // without an area must be one of the deliberate exceptions (decision 10K2). A new route without
  // `apiArea` fails here.
  const keyless: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: Record<string, string[]>[] }>>)) {
    if (path.startsWith('/api/v1/auth/') || path.startsWith('/api/v1/portal/')) continue;
    for (const [method, op] of Object.entries(ops))
      if (!op.security?.some((s) => s.apiKey)) keyless.push(`${method.toUpperCase()} ${path}`);
  }
  expect(keyless.filter((op) => !/^\w+ \/api\/v1\/(settings|staff-users|imports|api-keys)(\/|$)/.test(op))).toEqual([]);
  expect(keyless).toContain('PATCH /api/v1/settings');
});

it('shows an integrator a valid example body for each PUT by external id (issue 10)', async () => {
  const { CustomerPutSchema } = await import('@portico/shared/contracts/customers');
  const { LeasePutSchema } = await import('@portico/shared/contracts/leases');
  const { PropertyPutSchema } = await import('@portico/shared/contracts/properties');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  for (const [path, schema] of [
    ['/api/v1/customers/by-external-id/{externalId}', CustomerPutSchema],
    ['/api/v1/leases/by-external-id/{externalId}', LeasePutSchema],
    ['/api/v1/properties/by-external-id/{externalId}', PropertyPutSchema],
  ] as const) {
    // @fastify/swagger moves a schema's single example to the media type's `example`.
    const example = doc.paths[path].put.requestBody.content['application/json'].example;
    expect(example, path).toBeTypeOf('object');
    // An example an integrator copies must pass the contract it illustrates.
    expect(schema.safeParse(example).error, path).toBeUndefined();
  }
});
