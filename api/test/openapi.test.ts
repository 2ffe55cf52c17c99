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
