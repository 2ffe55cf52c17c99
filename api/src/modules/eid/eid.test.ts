import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestAppWithEid,
  EID_CALLBACK,
  makeLandlord,
  signIn,
  type TestLandlord,
  uniquePersonalNumber,
} from '../../../test/helpers';
import { insertInvoice } from '../../db/fixtures';
import { landlords } from '../../db/schema/landlords';
import { portalUsers } from '../../db/schema/portal-users';

let t: Awaited<ReturnType<typeof createTestAppWithEid>>;

beforeAll(async () => {
  t = await createTestAppWithEid('portico-api-test');
});
afterAll(() => t?.close());

/**
 * The browser's part of an e-ID round trip: the API's start redirect, the broker's form filled in
 * as a person would, and the broker's redirect back into the API's callback.
 */
async function eidRoundTrip(client: Client, query: string, person: { number: string; name: string }) {
  const start = await client.get(`/api/v1/auth/portal/eid/start?${query}`);
  expect(start.statusCode).toBe(302);
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  let url = start.headers.location as string;
  let res = await go(url);
  while (res.status >= 300 && res.status < 400) {
    url = new URL(res.headers.get('location')!, url).href;
    res = await go(url);
  }
  expect(await res.text()).toContain('Personal identity number');
  res = await go(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(person).toString(),
  });
  for (;;) {
    const location = new URL(res.headers.get('location')!, url).href;
    if (location.startsWith(EID_CALLBACK)) {
      const back = await client.get(location.replace('http://tenant.test', ''));
      expect(back.statusCode).toBe(302);
      return back.headers.location as string;
    }
    url = location;
    res = await go(url);
  }
}

async function strictLandlord() {
  const l = await makeLandlord(t.app);
  await t.app.db.update(landlords).set({ invoicesRequireStrongAuth: true }).where(eq(landlords.id, l.landlord.id));
  await insertInvoice(t.app.db, {
    landlordId: l.landlord.id,
    customerId: l.company.customer.id,
    leaseId: l.office.id,
    number: 'F-100',
    status: 'unpaid',
  });
  await insertInvoice(t.app.db, {
    landlordId: l.landlord.id,
    customerId: l.company.customer.id,
    leaseId: l.office.id,
    number: 'F-099',
    status: 'paid',
    paidAt: '2027-01-30',
  });
  return l;
}

const SSN = uniquePersonalNumber;

describe('seed 002: invoices only with BankID', () => {
  it('a password session must step up; the first e-ID use links after confirmation; later logins by e-ID', async () => {
    const l: TestLandlord = await strictLandlord();
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const refused = await client.get('/api/v1/portal/invoices');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('strong_auth_required');

    const ssn = SSN();
    const landing = await eidRoundTrip(client, 'method=se-bankid&intent=step-up&returnTo=/invoices', { number: ssn, name: 'Main Person' });
    const requestId = new URL(landing).searchParams.get('request');
    expect(landing).toMatch(/^http:\/\/tenant\.test\/settings\/eid-link\?request=/);
    const pending = await client.get(`/api/v1/auth/portal/eid/pending-link/${requestId}`);
    expect(pending.json()).toMatchObject({ method: 'se-bankid', name: 'Main Person', identityNumber: `${ssn.slice(0, 8)}-****` });
    const linked = await client.post('/api/v1/auth/portal/eid/link/confirm', { requestId });
    expect(linked.json()).toMatchObject({ identityVerified: true, strongAuth: true });

    const invoices = await client.get('/api/v1/portal/invoices');
    expect(invoices.statusCode).toBe(200);
    expect(invoices.json().items.map((i: { number: string }) => i.number)).toEqual(['F-100']);
    expect((await client.get('/api/v1/portal/invoices?unpaidOnly=false')).json().total).toBe(2);
    // Strength survives a token refresh.
    await client.post('/api/v1/auth/portal/refresh');
    expect((await client.get('/api/v1/portal/invoices')).statusCode).toBe(200);

    // A fresh browser signs in with the e-ID alone, already strong.
    const fresh = new Client(t.app);
    expect(await eidRoundTrip(fresh, 'method=se-bankid&intent=login', { number: ssn, name: 'Main Person' })).toBe(
      'http://tenant.test/messages',
    );
    expect((await fresh.get('/api/v1/auth/portal/me')).json()).toMatchObject({ id: l.companyUser.id, strongAuth: true });
    expect((await fresh.get('/api/v1/portal/invoices')).statusCode).toBe(200);

    // A later password session steps up directly, with no confirmation.
    const again = await signIn(t.app, 'portal', l.companyUser.email);
    expect(await eidRoundTrip(again, 'method=se-bankid&intent=step-up&returnTo=/invoices', { number: ssn, name: 'Main Person' })).toBe(
      'http://tenant.test/invoices',
    );
    expect((await again.get('/api/v1/portal/invoices')).statusCode).toBe(200);
  });

  it('refuses another person’s e-ID and an unknown one', async () => {
    const l = await strictLandlord();
    await t.app.db
      .update(portalUsers)
      .set({ identityNumber: '198803200016', identityVerifiedAt: new Date() })
      .where(eq(portalUsers.id, l.companyUser.id));
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const mismatch = await eidRoundTrip(client, 'method=se-bankid&intent=step-up&returnTo=/invoices', {
      number: SSN(),
      name: 'Someone Else',
    });
    expect(mismatch).toBe('http://tenant.test/invoices?eidError=identity_mismatch');
    expect((await client.get('/api/v1/portal/invoices')).statusCode).toBe(403);
    await t.app.db.update(portalUsers).set({ identityNumber: null, identityVerifiedAt: null }).where(eq(portalUsers.id, l.companyUser.id));

    const unknown = await eidRoundTrip(new Client(t.app), 'method=dk-mitid&intent=login', { number: '2101270087', name: 'Nobody Here' });
    expect(unknown).toBe('http://tenant.test/login?eidError=eid_not_linked');
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const res = await new Client(t.app).get('/api/v1/auth/portal/eid/callback?state=forged&code=x');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('http://tenant.test/login?eidError=eid_failed');
  });

  it('a main administrator of a relaxed landlord sees invoices without e-ID; step-up needs a session', async () => {
    const l = await makeLandlord(t.app);
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await client.get('/api/v1/portal/invoices')).statusCode).toBe(200);
    const anonymous = await new Client(t.app).get('/api/v1/auth/portal/eid/start?method=se-bankid&intent=step-up');
    expect(anonymous.headers.location).toBe('http://tenant.test/login?eidError=unauthenticated');
    expect((await new Client(t.app).get('/api/v1/auth/portal/eid/start?method=no-id')).statusCode).toBe(400);
  });
});
