import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, signIn, uniqueOrgNumber } from '../../../test/helpers';
import { insertCustomer, insertLease } from '../../db/fixtures';
import { signups } from '../../db/schema/auth';
import { customers } from '../../db/schema/customers';
import { outbox } from '../../db/schema/outbox';
import { portalUsers } from '../../db/schema/portal-users';
import { units } from '../../db/schema/properties';
import * as repo from './repo';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A company customer with an active lease and the contact data given. */
async function companyWithLease(contact: { email?: string; phone?: string }, policy: 'standard' | 'classic' = 'classic') {
  const l = await makeLandlord(t.app, { passwordPolicy: policy, locale: 'sv' });
  const orgNumber = uniqueOrgNumber();
  const { customer } = await insertCustomer(
    t.app.db,
    { landlordId: l.landlord.id, kind: 'company', name: `Signup AB ${orgNumber}`, identityNumber: orgNumber, ...contact },
    [],
  );
  const [unit] = await t.app.db.select().from(units).where(eq(units.landlordId, l.landlord.id));
  await insertLease(t.app.db, {
    landlordId: l.landlord.id,
    customerId: customer.id,
    unitId: unit!.id,
    number: `S-${orgNumber}`,
    validFrom: '2025-01-01',
  });
  return { l, customer, orgNumber, dashed: `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}` };
}

const start = (client: Client, identityNumber: string, username: string, password = 'Sommar!2026x') =>
  client.post('/api/v1/auth/portal/signup', { identityNumber, username, password });

describe('seed 001: sign-up by organisation number', () => {
  it('walks number → SMS code → profile → signed in as main administrator', async () => {
    const phone = `+4670${Math.floor(Math.random() * 1e7)}`;
    const { customer, dashed } = await companyWithLease({ email: `sig-${Date.now()}@company.test`, phone });
    const client = new Client(t.app);
    const started = await start(client, dashed, `user${Date.now()}`);
    expect(started.statusCode).toBe(201);
    expect(started.json().channels).toEqual([
      { channel: 'email', destination: expect.stringMatching(/^s\*+@company\.test$/) },
      { channel: 'sms', destination: expect.stringMatching(/^\+4670\*+\d\d$/) },
    ]);
    const id = started.json().signupId;

    const sent = await client.post(`/api/v1/auth/portal/signup/${id}/send-code`, { channel: 'sms' });
    expect(sent.statusCode).toBe(200);
    const [sms] = (await t.app.db.select().from(outbox).where(eq(outbox.channel, 'sms'))).filter(
      (r) => (r.payload as { to: string }).to === phone,
    );
    const code = (sms!.payload as { code: string }).code;
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('code_invalid');
    const verified = await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { code });
    expect(verified.json().profile).toMatchObject({ name: customer.name, phone });

    const done = await client.post(`/api/v1/auth/portal/signup/${id}/complete`, {
      name: 'Siri Signup',
      email: `siri-${id}@company.test`,
      phone,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().memberships).toEqual([expect.objectContaining({ customerId: customer.id, role: 'main_admin' })]);
    expect((await client.get('/api/v1/portal/threads')).statusCode).toBe(200);
    // And the username signs in later.
    await signIn(t.app, 'portal', done.json().username, 'Sommar!2026x');
  });

  it('verifies by the e-mailed link as well', async () => {
    const email = `link-${Date.now()}@company.test`;
    const { dashed } = await companyWithLease({ email });
    const client = new Client(t.app);
    const id = (await start(client, dashed, `link${Date.now()}`)).json().signupId;
    await client.post(`/api/v1/auth/portal/signup/${id}/send-code`, { channel: 'email' });
    const [mail] = await outboxFor(t.app, email);
    const link = (mail!.payload as { link: string }).link;
    expect(link).toContain(`/signup/verify?signup=${id}&token=`);
    const res = await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { token: new URL(link).searchParams.get('token') });
    expect(res.statusCode).toBe(200);
  });

  it('answers "contact your landlord" and creates nothing when there is no e-mail or mobile on record', async () => {
    const { dashed, orgNumber } = await companyWithLease({});
    const res = await start(new Client(t.app), dashed, `nocontact${Date.now()}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_contact_data');
    expect(await t.app.db.select().from(signups).where(eq(signups.identityNumber, orgNumber))).toHaveLength(0);
  });

  it('validates the number by its real rules and the password by the landlord’s policy', async () => {
    const client = new Client(t.app);
    expect((await start(client, '802005-1953', 'x1x1x1')).json().error.code).toBe('identity_number_invalid');
    expect((await start(client, '880320-0016', 'x1x1x2')).json().error.code).toBe('no_customer_match');
    const { dashed } = await companyWithLease({ email: `p-${Date.now()}@x.test` }, 'classic');
    const weak = await start(client, dashed, `weak${Date.now()}`, 'sommar2026');
    expect(weak.json().error).toMatchObject({ code: 'password_needs_upper' });
  });

  it('limits code attempts and refuses an expired code', async () => {
    const email = `att-${Date.now()}@company.test`;
    const { dashed } = await companyWithLease({ email });
    const client = new Client(t.app);
    const id = (await start(client, dashed, `att${Date.now()}`)).json().signupId;
    await client.post(`/api/v1/auth/portal/signup/${id}/send-code`, { channel: 'email' });
    const code = ((await outboxFor(t.app, email))[0]!.payload as { code: string }).code;
    const bad = code === '999999' ? '888888' : '999999';
    const answers: string[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { code: bad })).json().error.code);
    expect(answers).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'too_many_attempts']);
    // Even the right code is refused now.
    expect((await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { code })).statusCode).toBe(429);

    const id2 = (await start(client, dashed, `exp${Date.now()}`)).json().signupId;
    await client.post(`/api/v1/auth/portal/signup/${id2}/send-code`, { channel: 'email' });
    const code2 = ((await outboxFor(t.app, email)).at(-1)!.payload as { code: string }).code;
    await t.app.db
      .update(signups)
      .set({ codeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(signups.id, id2));
    const expired = await client.post(`/api/v1/auth/portal/signup/${id2}/verify`, { code: code2 });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('code_expired');
  });

  it('limits sign-ups per number', async () => {
    const { dashed } = await companyWithLease({ email: `rl-${Date.now()}@company.test` });
    const client = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await start(client, dashed, `rl${i}${Date.now()}`)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('refuses a taken plain username at once', async () => {
    const l = await makeLandlord(t.app);
    const taken = `taken${Date.now()}`;
    await t.app.db.update(portalUsers).set({ username: taken }).where(eq(portalUsers.id, l.companyUser.id));
    const { dashed } = await companyWithLease({ email: `u-${Date.now()}@company.test` });
    const res = await start(new Client(t.app), dashed, taken);
    expect(res.json().error.code).toBe('username_taken');
  });
});

describe('sign-up does not tell whether an e-mail address has an account', () => {
  it('answers the first step the same for a registered and a free address as username', async () => {
    const l = await makeLandlord(t.app);
    const { dashed } = await companyWithLease({ email: `enum-${Date.now()}@company.test` });
    const registered = await start(new Client(t.app), dashed, l.companyUser.email);
    const free = await start(new Client(t.app), dashed, `free-${Date.now()}@nowhere.test`);
    expect([registered.statusCode, free.statusCode]).toEqual([201, 201]);
    const shape = (r: typeof free) => ({ ...r.json(), signupId: 'x' });
    expect(shape(registered)).toEqual(shape(free));
  });

  /** Walks a sign-up to the profile step by the e-mailed link. */
  async function verifiedSignup(username = `v${Date.now()}${Math.floor(Math.random() * 1e6)}`) {
    const email = `ver-${Date.now()}-${Math.floor(Math.random() * 1e6)}@company.test`;
    const { dashed, l } = await companyWithLease({ email });
    const client = new Client(t.app);
    const id = (await start(client, dashed, username)).json().signupId as string;
    await client.post(`/api/v1/auth/portal/signup/${id}/send-code`, { channel: 'email' });
    const link = ((await outboxFor(t.app, email)).at(-1)!.payload as { link: string }).link;
    expect(
      (await client.post(`/api/v1/auth/portal/signup/${id}/verify`, { token: new URL(link).searchParams.get('token') })).statusCode,
    ).toBe(200);
    return { client, id, l };
  }

  it('tells the owner of a registered address by e-mail, creates nothing and ends the sign-up', async () => {
    const owner = await makeLandlord(t.app);
    const { client, id, l } = await verifiedSignup();
    const before = (await outboxFor(t.app, owner.companyUser.email)).length;
    const res = await client.post(`/api/v1/auth/portal/signup/${id}/complete`, { name: 'Prober', email: owner.companyUser.email });
    expect(res.statusCode).toBe(409);
    expect(res.cookies.find((c) => c.name === 'portico_portal_at')).toBeUndefined();
    const told = await outboxFor(t.app, owner.companyUser.email);
    expect(told).toHaveLength(before + 1);
    expect(told.at(-1)!.payload).toMatchObject({
      template: 'email_in_use',
      landlordName: l.landlord.name,
      link: `http://tenant.test/login?landlord=${l.landlord.id}`,
    });
    // One answer per verified sign-up: it cannot be used to try address after address.
    const next = await client.post(`/api/v1/auth/portal/signup/${id}/complete`, { name: 'Prober', email: `free-${id}@nowhere.test` });
    expect(next.json().error.code).toBe('signup_expired');
  });

  it('checks an address-shaped username only after verification, and tells that address', async () => {
    const owner = await makeLandlord(t.app);
    const { client, id } = await verifiedSignup(owner.companyUser.email);
    const res = await client.post(`/api/v1/auth/portal/signup/${id}/complete`, { name: 'Prober', email: `mine-${id}@nowhere.test` });
    expect(res.statusCode).toBe(409);
    expect((await outboxFor(t.app, owner.companyUser.email)).at(-1)!.payload).toMatchObject({ template: 'email_in_use' });
    expect(await outboxFor(t.app, `mine-${id}@nowhere.test`)).toHaveLength(0);
  });
});

describe('per-client limit', () => {
  it('refuses a client that starts too many sign-ups', async () => {
    const limited = await createTestApp({ SIGNUP_CLIENT_LIMIT: '2' });
    try {
      const client = new Client(limited.app);
      const codes: number[] = [];
      // Other tests share the client address, so the limit may already be reached: the last answer is what counts.
      for (let i = 0; i < 3; i++)
        codes.push(
          (
            await client.post('/api/v1/auth/portal/signup', {
              identityNumber: uniqueOrgNumber(),
              username: `c${i}${Date.now()}`,
              password: 'Sommar!2026x',
            })
          ).statusCode,
        );
      expect(codes.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('plans (docs/scaling.md: queries that cross landlords)', () => {
  it('the identity-number lookup reads customers_identity_idx, not every landlord’s identity index', async () => {
    const l = await makeLandlord(t.app);
    const base = 190000000000 + Math.floor(Math.random() * 1e9);
    await t.app.db.insert(customers).values(
      Array.from({ length: 4000 }, (_, i) => ({
        landlordId: l.landlord.id,
        kind: 'person' as const,
        name: `Person ${i}`,
        identityNumber: String(base + i),
      })),
    );
    await t.app.db.execute(sql`analyze customers`);
    const res = await t.app.db.execute(sql`explain ${repo.findCustomersByIdentity(t.app.db, String(base + 17))}`);
    const text = res.rows.map((r) => (r as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
    expect(text, text).toContain('customers_identity_idx');
  });
});
