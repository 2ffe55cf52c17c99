import { StaffMeSchema } from '@portico/shared/contracts/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileResponseSerializer } from '../src/serializer';
import { type Client, createTestApp, makeLandlord, signIn, type TestLandlord } from './helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
let l: TestLandlord;
let staff: Client;
let portal: Client;

beforeAll(async () => {
  t = await createTestApp();
  l = await makeLandlord(t.app);
  const me = {
    id: l.admin.id,
    email: l.admin.email,
    name: l.admin.name,
    role: 'admin',
    locale: null,
    landlord: {
      id: l.landlord.id,
      name: l.landlord.name,
      defaultLocale: 'en',
      portalEnabled: true,
      passwordPolicy: 'standard',
      invoicesRequireStrongAuth: false,
    },
  };
  // Test-only routes with a real contract, added before the app is ready (the first request).
  // A service that answers more than its contract, at the top and in a nested object:
  t.app.get('/api/v1/test-only/leak', { schema: { response: { 200: StaffMeSchema } } }, async () => ({
    ...me,
    passwordHash: '$argon2id$secret',
    landlord: { ...me.landlord, smsGatewayPassword: 'hunter2' },
  }));
  // A service that drifted from its contract: the contract says string, zod refuses null
  // (fast-json-stringify alone would write "").
  t.app.get('/api/v1/test-only/drift', { schema: { response: { 200: StaffMeSchema } } }, async () => ({ ...me, name: null }));
  staff = await signIn(t.app, 'staff', l.admin.email);
  portal = await signIn(t.app, 'portal', l.companyUser.email);
});
afterAll(() => t.close());

describe('fast response serialisation', () => {
  it('compiles every response contract of the API with fast-json-stringify (no route falls back to zod)', () => {
    const fallbacks: string[] = [];
    let compiled = 0;
    for (const route of t.app.apiRoutes) {
      const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
      for (const [status, schema] of Object.entries(responses)) {
        const result = compileResponseSerializer(schema, route.method, route.url);
        compiled++;
        if (result.kind === 'zod') fallbacks.push(`${route.method} ${route.url} ${status}: ${result.reason}`);
      }
    }
    expect(compiled).toBeGreaterThan(50);
    // A contract JSON Schema cannot express (a transform, z.date()) would be listed here and keep zod.
    expect(fallbacks).toEqual([]);
  });

  it('never sends a field a service returns that is not in the contract', async () => {
    const res = await staff.get('/api/v1/test-only/leak');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/passwordHash|argon2|smsGatewayPassword|hunter2/);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(Object.keys(StaffMeSchema.shape).sort());
    expect(body.landlord.id).toBe(l.landlord.id);
  });

  it('under NODE_ENV=test a reply that breaks its contract is a 500, not a coerced answer', async () => {
    const res = await staff.get('/api/v1/test-only/drift');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
  });

  it('real routes answer what zod would write (every reply is checked against zod in tests)', async () => {
    const thread = await portal.post('/api/v1/portal/threads', {
      subject: 'Serialiser check "quoted" åäö',
      body: 'Line one\nLine two \\ backslash',
      leaseId: l.office.id,
      attachmentIds: [],
    });
    expect(thread.statusCode).toBe(201);
    const answered: string[] = [];
    const failed: string[] = [];
    for (const route of t.app.apiRoutes) {
      if (route.method !== 'GET' || route.url.includes(':') || route.url.startsWith('/api/v1/test-only/')) continue;
      const client = route.url.startsWith('/api/v1/portal/') || route.url.startsWith('/api/v1/auth/portal/') ? portal : staff;
      const res = await client.get(route.url);
      if (res.statusCode >= 500) failed.push(`${route.url}: ${res.statusCode} ${res.body}`);
      if (res.statusCode !== 200) continue;
      const schema = (route.schema?.response as Record<string, z.ZodType> | undefined)?.[200];
      if (!schema) continue;
      // What was sent is a fixed point of the contract: zod reads it and writes the same JSON value.
      const sent = res.json();
      expect(z.encode(schema, z.parse(schema, sent) as never), route.url).toEqual(sent);
      answered.push(route.url);
    }
    expect(failed).toEqual([]);
    expect(answered).toEqual(
      expect.arrayContaining(['/api/v1/threads', '/api/v1/portal/threads', '/api/v1/auth/staff/me', '/api/v1/auth/portal/me']),
    );
    expect(answered.length).toBeGreaterThan(10);
  });
});
