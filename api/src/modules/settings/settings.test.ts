import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, EXE, makeLandlord, PASSWORD, PNG, signIn, type TestLandlord } from '../../../test/helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const issueCodes = (res: { json: () => unknown }) =>
  ((res.json() as { error: { issues?: { path: string; code?: string }[] } }).error.issues ?? []).map((i) => `${i.path}:${i.code}`);

describe('payment accounts (STANDARDS vectors)', () => {
  let admin: Client;
  beforeAll(async () => {
    const l = await makeLandlord(t.app);
    admin = await signIn(t.app, 'staff', l.admin.email);
  });

  it('valid numbers are stored normalised', async () => {
    const res = await admin.patch('/api/v1/settings', {
      paymentAccounts: {
        bankgiro: '54029681',
        plusgiro: '28 65 43-4',
        fiCreditor: '8579 9665',
        iban: 'se45 5000 0000 0583 9825 7466',
        bic: 'handsess',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().paymentAccounts).toEqual({
      bankgiro: '5402-9681',
      plusgiro: '286543-4',
      fiCreditor: '85799665',
      iban: 'SE4550000000058398257466',
      bic: 'HANDSESS',
    });
  });

  it('each wrong number is refused with its own code', async () => {
    const res = await admin.patch('/api/v1/settings', {
      paymentAccounts: {
        bankgiro: '991-2347',
        plusgiro: '2865435',
        fiCreditor: '12345678',
        iban: 'DE89370400440532013001',
        bic: 'HANDSES',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(issueCodes(res)).toEqual(
      expect.arrayContaining([
        'paymentAccounts.bankgiro:bankgiro_invalid',
        'paymentAccounts.plusgiro:plusgiro_invalid',
        'paymentAccounts.fiCreditor:fi_creditor_invalid',
        'paymentAccounts.iban:iban_invalid',
        'paymentAccounts.bic:bic_invalid',
      ]),
    );
  });

  it('a field left out stays; null removes one', async () => {
    await admin.patch('/api/v1/settings', { paymentAccounts: { bankgiro: '991-2346', iban: 'DK5000400440116243' } });
    const res = await admin.patch('/api/v1/settings', { paymentAccounts: { iban: null } });
    expect(res.json().paymentAccounts.bankgiro).toBe('991-2346');
    expect(res.json().paymentAccounts.iban).toBeUndefined();
  });
});

describe('SMS sender, branding, support and links', () => {
  let l: TestLandlord;
  let admin: Client;
  beforeAll(async () => {
    l = await makeLandlord(t.app);
    admin = await signIn(t.app, 'staff', l.admin.email);
  });

  it('SMS sender: 11 letters/digits or a phone number; null returns to the default', async () => {
    expect((await admin.patch('/api/v1/settings', { smsSender: 'Hyresportal' })).json().smsSender).toBe('Hyresportal');
    expect((await admin.patch('/api/v1/settings', { smsSender: '+46 70 000 00 00' })).json().smsSender).toBe('+46700000000');
    for (const bad of ['Göta Hem', 'Hyresportal12', '']) {
      const res = await admin.patch('/api/v1/settings', { smsSender: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('sms_sender_invalid');
    }
    expect((await admin.patch('/api/v1/settings', { smsSender: null })).json().smsSender).toBeNull();
  });

  it('brand colour must carry white text at WCAG AA', async () => {
    expect((await admin.patch('/api/v1/settings', { brandColour: '#1a5fb4' })).json().brandColour).toBe('#1a5fb4');
    const light = await admin.patch('/api/v1/settings', { brandColour: '#ffcc00' });
    expect(light.statusCode).toBe(400);
    expect(light.json().error.code).toBe('colour_contrast_too_low');
    expect((await admin.patch('/api/v1/settings', { brandColour: 'blue' })).json().error.code).toBe('colour_invalid');
  });

  it('useful links: https only, a handful, order kept', async () => {
    const links = [
      { title: 'Felanmälan', url: 'https://example.se/fel' },
      { title: 'Tvättstuga', url: 'https://example.se/tvatt' },
    ];
    expect((await admin.patch('/api/v1/settings', { usefulLinks: links })).json().usefulLinks).toEqual(links);
    for (const url of ['http://example.se', 'javascript:alert(1)', 'example.se', 'https://user:pw@example.se']) {
      const res = await admin.patch('/api/v1/settings', { usefulLinks: [{ title: 'x', url }] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('link_not_https');
    }
    const many = Array.from({ length: 9 }, (_, i) => ({ title: `L${i}`, url: `https://example.se/${i}` }));
    expect((await admin.patch('/api/v1/settings', { usefulLinks: many })).statusCode).toBe(400);
  });

  it('support contacts are validated', async () => {
    const ok = await admin.patch('/api/v1/settings', { supportEmail: 'Kundservice@Example.se', supportPhone: '+46 8 123 456' });
    expect(ok.json()).toMatchObject({ supportEmail: 'kundservice@example.se', supportPhone: '+46 8 123 456' });
    expect((await admin.patch('/api/v1/settings', { supportEmail: 'nope' })).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/settings', { supportPhone: 'call us' })).statusCode).toBe(400);
  });

  it('the org number (issue 11: notices and the Swedish invoice QR) is an orgnr or a CVR, normalised', async () => {
    expect((await admin.patch('/api/v1/settings', { orgNumber: '5566778899' })).json().orgNumber).toBe('556677-8899');
    expect((await admin.patch('/api/v1/settings', { orgNumber: '25313763' })).json().orgNumber).toBe('25313763');
    const bad = await admin.patch('/api/v1/settings', { orgNumber: '556677-8898' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].code).toBe('identity_number_invalid');
    expect((await admin.patch('/api/v1/settings', { orgNumber: null })).json().orgNumber).toBeNull();
  });

  it('history records who changed which fields; only admins read it or change settings', async () => {
    // Never changed: an empty history, not a 404 (the settings exist).
    const fresh = await makeLandlord(t.app);
    const freshAdmin = await signIn(t.app, 'staff', fresh.admin.email);
    expect((await freshAdmin.get(`/api/v1/history/settings/${fresh.landlord.id}`)).json()).toMatchObject({ items: [], total: 0 });
    await admin.patch('/api/v1/settings', { brandName: 'Göta Hem' });
    const history = (await admin.get(`/api/v1/history/settings/${l.landlord.id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'updated', actor: { name: l.admin.name } });
    expect(history.items[0].changes.brandName).toEqual({ from: null, to: 'Göta Hem' });
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.get('/api/v1/settings')).statusCode).toBe(200);
    expect((await manager.patch('/api/v1/settings', { brandName: 'X' })).statusCode).toBe(403);
    expect((await manager.get(`/api/v1/history/settings/${l.landlord.id}`)).statusCode).toBe(403);
    const other = await makeLandlord(t.app);
    const otherAdmin = await signIn(t.app, 'staff', other.admin.email);
    expect((await otherAdmin.get(`/api/v1/history/settings/${l.landlord.id}`)).statusCode).toBe(404);
  });

  it('logo: PNG stored and shown to the landlord’s tenants; other files refused', async () => {
    expect((await admin.upload('/api/v1/settings/logo', EXE, 'logo.png')).statusCode).toBe(415);
    const res = await admin.upload('/api/v1/settings/logo', PNG, 'logo.png', 'image/png');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hasLogo).toBe(true);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const info = (await tenant.get('/api/v1/portal/landlord')).json();
    expect(info).toMatchObject({ landlordId: l.landlord.id, logoUrl: '/api/v1/portal/landlord/logo', brandColour: '#1a5fb4' });
    const logo = await tenant.get('/api/v1/portal/landlord/logo');
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    // Issue 12 SHELL: the sign-in page shows the same logo before sign-in, by landlord id.
    const anonymous = new Client(t.app);
    const branding = (await anonymous.get(`/api/v1/auth/portal/branding/${l.landlord.id}`)).json();
    expect(branding).toMatchObject({
      landlordId: l.landlord.id,
      brandColour: '#1a5fb4',
      logoUrl: `/api/v1/auth/portal/branding/${l.landlord.id}/logo`,
    });
    const publicLogo = await anonymous.get(branding.logoUrl);
    expect(publicLogo.statusCode).toBe(200);
    expect(publicLogo.headers['content-type']).toBe('image/png');
    expect((await admin.request('DELETE', '/api/v1/settings/logo')).json().hasLogo).toBe(false);
    expect((await tenant.get('/api/v1/portal/landlord/logo')).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${l.landlord.id}/logo`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${l.landlord.id}`)).json().logoUrl).toBeNull();
  });
});

describe('what tenants see of their landlord', () => {
  it('the signed-in tenant gets branding, support and links; before sign-in, support by landlord id', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    await admin.patch('/api/v1/settings', {
      brandName: 'Göta Hem',
      supportEmail: 'hjalp@gota.example',
      supportPhone: '+46 31 100 100',
      usefulLinks: [{ title: 'Tvättstuga', url: 'https://gota.example/tvatt' }],
    });
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await tenant.get('/api/v1/portal/landlord')).json()).toEqual({
      landlordId: l.landlord.id,
      displayName: 'Göta Hem',
      brandColour: null,
      logoUrl: null,
      supportEmail: 'hjalp@gota.example',
      supportPhone: '+46 31 100 100',
      usefulLinks: [{ title: 'Tvättstuga', url: 'https://gota.example/tvatt' }],
    });
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`/api/v1/auth/portal/support/${l.landlord.id}`)).json()).toEqual({
      contacts: [{ displayName: 'Göta Hem', supportEmail: 'hjalp@gota.example', supportPhone: '+46 31 100 100' }],
    });
    expect((await anonymous.get(`/api/v1/auth/portal/support/${crypto.randomUUID()}`)).statusCode).toBe(404);
    const off = await makeLandlord(t.app, { portalEnabled: false });
    expect((await anonymous.get(`/api/v1/auth/portal/support/${off.landlord.id}`)).statusCode).toBe(404);
    // Issue 12 SHELL: the sign-in page's branding by the same rules.
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${l.landlord.id}`)).json()).toEqual({
      landlordId: l.landlord.id,
      displayName: 'Göta Hem',
      brandColour: null,
      logoUrl: null,
    });
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${off.landlord.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/auth/portal/branding/${off.landlord.id}/logo`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/auth/portal/branding/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('seed 001 pilot: the portal for selected properties only', () => {
  it('scope selected shuts out tenants of other properties at sign-in, in the portal and for staff invitations', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const signedInBefore = await signIn(t.app, 'portal', l.companyUser.email);
    const household = l.household;

    expect((await admin.patch('/api/v1/settings', { portalScope: 'selected' })).json().portalScope).toBe('selected');
    // The property is not in the pilot: sign-in says so (to someone with the right password only)…
    const login = await new Client(t.app).post('/api/v1/auth/portal/login', { email: l.companyUser.email, password: PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('portal_not_in_pilot');
    const wrong = await new Client(t.app).post('/api/v1/auth/portal/login', { email: l.companyUser.email, password: 'wrong-wrong-wrong' });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    // …a session from before gets the same answer in the portal…
    const threads = await signedInBefore.get('/api/v1/portal/threads');
    expect(threads.statusCode).toBe(403);
    expect(threads.json().error.code).toBe('portal_not_in_pilot');
    // …and staff cannot invite its people.
    const invite = await admin.post(`/api/v1/customers/${household.customer.id}/contacts/${household.contacts[0]!.id}/invite`);
    expect(invite.statusCode).toBe(409);
    expect(invite.json().error.code).toBe('portal_not_in_pilot');

    // The property joins the pilot (the properties part edits this flag): everything opens.
    await t.app.db.execute(sql`update properties set portal_enabled = true where id = ${l.property.id}`);
    await signIn(t.app, 'portal', l.companyUser.email);
    expect((await signedInBefore.get('/api/v1/portal/threads')).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/customers/${household.customer.id}/contacts/${household.contacts[0]!.id}/invite`)).statusCode).toBe(
      201,
    );

    // Scope all: the property flag is not consulted.
    await t.app.db.execute(sql`update properties set portal_enabled = false where id = ${l.property.id}`);
    await admin.patch('/api/v1/settings', { portalScope: 'all' });
    await signIn(t.app, 'portal', l.companyUser.email);
  });
});
