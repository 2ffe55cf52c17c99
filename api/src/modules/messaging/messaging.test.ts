import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  EXE,
  makeLandlord,
  outboxFor,
  PASSWORD,
  PDF,
  PNG,
  signIn,
  type TestLandlord,
  tokenFromLink,
} from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';
import { invitations } from '../../db/schema/auth';
import { attachments, messages, threads } from '../../db/schema/messaging';
import { outbox } from '../../db/schema/outbox';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tenantEmail = (l: TestLandlord) => l.household.contacts[0]!.email!;

async function staffWrites(l: TestLandlord, staff: Client, subject = 'Water off on Thursday') {
  const res = await staff.post('/api/v1/threads', {
    customerId: l.household.customer.id,
    leaseId: l.flat.id,
    subject,
    body: 'The water is off Thursday 9–12.\nSorry for the trouble.',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The household's contact accepts the invitation that came with the first message. */
async function acceptInvitationFromMail(l: TestLandlord, password = 'my own long passphrase') {
  const mails = await outboxFor(t.app, tenantEmail(l));
  const invitationLink = (mails.at(-1)!.payload as { invitationLink: string }).invitationLink;
  const client = new Client(t.app);
  const res = await client.post(`/api/v1/auth/invitations/${tokenFromLink(invitationLink)}/accept`, { name: 'Tove Tenant', password });
  return { client, res, token: tokenFromLink(invitationLink) };
}

describe('seed 000: first message invites the tenant', () => {
  it('e-mails the text with a personal invitation, and the tenant can answer after registering', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const thread = await staffWrites(l, staff);
    expect(thread).toMatchObject({ subject: 'Water off on Thursday', messageCount: 1, customerHasPortalUser: false });
    expect(thread.messages[0]).toMatchObject({ authorKind: 'staff', delivery: 'queued' });

    const [mail] = await outboxFor(t.app, tenantEmail(l));
    expect(mail!.messageId).toBe(thread.messages[0].id);
    expect(mail!.payload).toMatchObject({
      template: 'tenant_new_staff_message',
      body: 'The water is off Thursday 9–12.\nSorry for the trouble.',
      invitationLink: expect.stringMatching(/^http:\/\/tenant\.test\/invitation\/[\w-]{43}$/),
    });

    const token = tokenFromLink((mail!.payload as { invitationLink: string }).invitationLink);
    const preview = await new Client(t.app).get(`/api/v1/auth/invitations/${token}`);
    expect(preview.json()).toMatchObject({
      email: tenantEmail(l),
      customerName: l.household.customer.name,
      existingUser: false,
      passwordPolicy: 'standard',
    });

    const weak = await new Client(t.app).post(`/api/v1/auth/invitations/${token}/accept`, { name: 'Tove', password: 'password1234' });
    expect(weak.json().error.code).toBe('password_too_common');

    const { client, res } = await acceptInvitationFromMail(l);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ threadId: thread.id, customerId: l.household.customer.id });
    expect(res.json().me.memberships[0]).toMatchObject({ role: 'main_admin', leases: [{ id: l.flat.id }, { id: l.storage.id }] });

    const inbox = await client.get('/api/v1/portal/threads?box=inbox');
    expect(inbox.json()).toMatchObject({ total: 1, items: [{ id: thread.id, unread: true }] });
    expect((await client.get('/api/v1/portal/threads/unread-count')).json()).toEqual({ inbox: 1, capped: false });
    const opened = await client.get(`/api/v1/portal/threads/${thread.id}`);
    expect(opened.json().messages[0].delivery).toBeNull();
    // Reading changes nothing; the portal marks the thread read when it shows it.
    expect((await client.get('/api/v1/portal/threads/unread-count')).json()).toEqual({ inbox: 1, capped: false });
    expect((await client.post(`/api/v1/portal/threads/${thread.id}/read`)).statusCode).toBe(204);
    expect((await client.get('/api/v1/portal/threads/unread-count')).json()).toEqual({ inbox: 0, capped: false });

    const reply = await client.post(`/api/v1/portal/threads/${thread.id}/messages`, { body: 'Thanks, noted.' });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ authorKind: 'tenant', authorName: 'Tove Tenant', body: 'Thanks, noted.' });

    // Staff: unread in the inbox, and the participant gets an e-mail with a link to the thread.
    expect((await staff.get('/api/v1/threads/unread-count')).json()).toEqual({ inbox: 1, capped: false });
    const staffMail = await outboxFor(t.app, l.manager.email);
    expect(staffMail.at(-1)!.payload).toMatchObject({
      template: 'staff_new_tenant_message',
      link: `http://admin.test/messages/${thread.id}`,
    });
    // Only the participant is told, not every admin.
    expect(await outboxFor(t.app, l.admin.email)).toHaveLength(0);

    const detail = await staff.get(`/api/v1/threads/${thread.id}`);
    expect(detail.json()).toMatchObject({ customerHasPortalUser: true, messageCount: 2 });

    // The next staff message goes with a link, no new invitation.
    await staff.post(`/api/v1/threads/${thread.id}/messages`, { body: 'Water is back.' });
    expect((await outboxFor(t.app, tenantEmail(l))).at(-1)!.payload).toMatchObject({ link: `http://tenant.test/messages/${thread.id}` });
    expect((await outboxFor(t.app, tenantEmail(l))).at(-1)!.payload).not.toHaveProperty('invitationLink');
  });

  it('refuses a used invitation link and an expired one with 410', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    await staffWrites(l, staff);
    const { token } = await acceptInvitationFromMail(l);
    const used = await new Client(t.app).post(`/api/v1/auth/invitations/${token}/accept`, {
      name: 'X',
      password: 'my own long passphrase',
    });
    expect(used.statusCode).toBe(410);
    expect(used.json().error.code).toBe('invitation_used');

    const l2 = await makeLandlord(t.app);
    await staffWrites(l2, await signIn(t.app, 'staff', l2.admin.email));
    await t.app.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.landlordId, l2.landlord.id));
    const expired = await acceptInvitationFromMail(l2);
    expect(expired.res.statusCode).toBe(410);
    expect(expired.res.json().error.code).toBe('invitation_expired');

    const bogus = await new Client(t.app).get('/api/v1/auth/invitations/this-token-does-not-exist-anywhere');
    expect(bogus.statusCode).toBe(404);
    expect(bogus.json().error.code).toBe('invitation_invalid');
  });

  it('with the portal off, mails the text without link or invitation', async () => {
    const l = await makeLandlord(t.app, { portalEnabled: false });
    await staffWrites(l, await signIn(t.app, 'staff', l.admin.email));
    const [mail] = await outboxFor(t.app, tenantEmail(l));
    expect(mail!.payload).not.toHaveProperty('invitationLink');
    expect(mail!.payload).not.toHaveProperty('link');
    expect(await t.app.db.select().from(invitations).where(eq(invitations.landlordId, l.landlord.id))).toHaveLength(0);
    // And the company's registered user cannot use the portal.
    const login = await new Client(t.app).post('/api/v1/auth/portal/login', { email: l.companyUser.email, password: PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('portal_disabled');
  });

  it('staff invite a contact person by hand; the last link is the only one that works', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const second = l.company.contacts[1]!;
    const url = `/api/v1/customers/${l.company.customer.id}/contacts/${second.id}/invite`;
    expect((await staff.post(url)).statusCode).toBe(201);
    expect((await staff.post(url)).statusCode).toBe(201);
    const mails = await outboxFor(t.app, second.email!);
    expect(mails).toHaveLength(2);
    const [old, latest] = mails.map((m) => tokenFromLink((m.payload as { link: string }).link));
    expect((await new Client(t.app).get(`/api/v1/auth/invitations/${old}`)).json().error.code).toBe('invitation_invalid');
    expect((await new Client(t.app).get(`/api/v1/auth/invitations/${latest}`)).statusCode).toBe(200);

    const customer = await staff.get(`/api/v1/customers/${l.company.customer.id}`);
    expect(
      customer
        .json()
        .contacts.map((c: { portalState: string }) => c.portalState)
        .sort(),
    ).toEqual(['invited', 'none', 'registered']);

    const noMail = l.company.contacts[2]!;
    expect((await staff.post(`/api/v1/customers/${l.company.customer.id}/contacts/${noMail.id}/invite`)).json().error.code).toBe(
      'no_contact_email',
    );
    const registered = l.company.contacts[0]!;
    expect((await staff.post(`/api/v1/customers/${l.company.customer.id}/contacts/${registered.id}/invite`)).statusCode).toBe(409);
  });
});

describe('tenant writes first (seed 004: + New message)', () => {
  it('creates a thread on a lease of the current customer and tells the admins and managers', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await tenant.post('/api/v1/portal/threads', { leaseId: l.office.id, subject: 'Keys', body: 'Two more key fobs, please.' });
    expect(res.statusCode).toBe(201);
    expect((await tenant.get('/api/v1/portal/threads?box=sent')).json().total).toBe(1);
    expect((await tenant.get('/api/v1/portal/threads?box=inbox')).json().total).toBe(0);
    expect(await outboxFor(t.app, l.admin.email)).toHaveLength(1);
    expect(await outboxFor(t.app, l.manager.email)).toHaveLength(1);
    expect(await outboxFor(t.app, l.technician.email)).toHaveLength(0);
  });

  it('refuses a lease of another customer and leaves nothing behind', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await tenant.post('/api/v1/portal/threads', { leaseId: l.flat.id, subject: 'Keys', body: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', resource: 'lease' });
    expect(await t.app.db.select().from(threads).where(eq(threads.landlordId, l.landlord.id))).toHaveLength(0);
  });
});

describe('isolation', () => {
  it('a tenant cannot read or answer another customer’s thread; staff cannot reach another landlord’s', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const thread = await staffWrites(l, await signIn(t.app, 'staff', l.admin.email));

    const foreignTenant = await signIn(t.app, 'portal', l.companyUser.email); // same landlord, other customer
    expect((await foreignTenant.get(`/api/v1/portal/threads/${thread.id}`)).statusCode).toBe(404);
    expect((await foreignTenant.post(`/api/v1/portal/threads/${thread.id}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await foreignTenant.get('/api/v1/portal/threads?box=inbox')).json().total).toBe(0);

    const foreignStaff = await signIn(t.app, 'staff', other.admin.email);
    expect((await foreignStaff.get(`/api/v1/threads/${thread.id}`)).statusCode).toBe(404);
    expect((await foreignStaff.post(`/api/v1/threads/${thread.id}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/v1/customers/${l.household.customer.id}`)).statusCode).toBe(404);
    const cross = await foreignStaff.post('/api/v1/threads', {
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      subject: 's',
      body: 'b',
    });
    expect(cross.statusCode).toBe(404);
    expect((await foreignStaff.get(`/api/v1/threads?customerId=${l.household.customer.id}`)).json().total).toBe(0);
  });

  it('a portal user acts only for customers they belong to', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    tenant.customerId = l.household.customer.id;
    const res = await tenant.get('/api/v1/portal/threads');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.resource).toBe('customer');
  });

  it('technicians have no access to the message inbox or customers', async () => {
    const l = await makeLandlord(t.app);
    const tech = await signIn(t.app, 'staff', l.technician.email);
    expect((await tech.get('/api/v1/threads')).statusCode).toBe(403);
    expect((await tech.get('/api/v1/customers')).statusCode).toBe(403);
  });

  it('only admins change the landlord settings', async () => {
    const l = await makeLandlord(t.app);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.patch('/api/v1/settings', { portalEnabled: false })).statusCode).toBe(403);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const res = await admin.patch('/api/v1/settings', { portalEnabled: false, passwordPolicy: 'classic' });
    expect(res.json()).toMatchObject({ portalEnabled: false, passwordPolicy: 'classic' });
    expect((await admin.patch('/api/v1/settings', { passwordPolicy: 'weak' })).statusCode).toBe(400);
  });
});

describe('attachments', () => {
  it('sniffs uploads, binds them to a message, and lets only the right people open them', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const photo = await tenant.upload('/api/v1/portal/uploads', PNG, 'leak.png', 'image/png');
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ filename: 'leak.png', contentType: 'image/png', size: PNG.length });
    const pdf = await tenant.upload('/api/v1/portal/uploads', PDF, 'invoice.pdf');
    expect(pdf.json().contentType).toBe('application/pdf');

    const thread = await tenant.post('/api/v1/portal/threads', {
      leaseId: l.office.id,
      subject: 'Leak',
      body: 'See photo',
      attachmentIds: [photo.json().id, pdf.json().id],
    });
    expect(thread.json().messages[0].attachments).toHaveLength(2);

    const staff = await signIn(t.app, 'staff', l.admin.email);
    const file = await staff.get(`/api/v1/attachments/${photo.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);

    const other = await makeLandlord(t.app);
    expect((await (await signIn(t.app, 'staff', other.admin.email)).get(`/api/v1/attachments/${photo.json().id}`)).statusCode).toBe(404);
    expect(
      (await (await signIn(t.app, 'portal', other.companyUser.email)).get(`/api/v1/portal/attachments/${photo.json().id}`)).statusCode,
    ).toBe(404);
  });

  it('refuses a program renamed .pdf, an oversize file and a missing file', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const exe = await tenant.upload('/api/v1/portal/uploads', EXE, 'invoice.pdf', 'application/pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('upload_type_not_allowed');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await tenant.upload('/api/v1/portal/uploads', big, 'huge.png', 'image/png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('upload_too_large');
    const none = await tenant.post('/api/v1/portal/uploads', { not: 'a file' });
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
    expect(await t.app.db.select().from(attachments).where(eq(attachments.landlordId, l.landlord.id))).toHaveLength(0);
  });

  it('refuses someone else’s upload and rolls the whole message back', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const staffUpload = await staff.upload('/api/v1/uploads', PNG, 'plan.png');
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await tenant.post('/api/v1/portal/threads', {
      leaseId: l.office.id,
      subject: 'Mine?',
      body: 'x',
      attachmentIds: [staffUpload.json().id],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.resource).toBe('attachment');
    expect(await t.app.db.select().from(threads).where(eq(threads.landlordId, l.landlord.id))).toHaveLength(0);
    expect(await t.app.db.select().from(messages).where(eq(messages.landlordId, l.landlord.id))).toHaveLength(0);
    expect(await t.app.db.select().from(outbox).where(eq(outbox.landlordId, l.landlord.id))).toHaveLength(0);
    const row = await t.app.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.landlordId, l.landlord.id)));
    expect(row[0]!.messageId).toBeNull();
  });
});

describe('bad input', () => {
  it('answers wrong types, missing fields and malformed ids with 400, unknown ids with 404', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const missing = await staff.post('/api/v1/threads', { customerId: l.household.customer.id, leaseId: l.flat.id, body: 'no subject' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([expect.objectContaining({ path: 'subject' })]);
    expect((await staff.post('/api/v1/threads', { customerId: 42, leaseId: [], subject: {}, body: null })).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads/not-a-uuid')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads?limit=0')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads?limit=101')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads?cursor=not%20base64')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/threads?box=trash')).statusCode).toBe(400);
    const unknown = await staff.get('/api/v1/threads/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'not_found', resource: 'thread' });
    expect((await staff.post('/api/v1/threads/00000000-0000-4000-8000-000000000000/messages', { body: '   ' })).statusCode).toBe(400);
    const route = await staff.get('/api/v1/nothing-here');
    expect(route.json().error).toMatchObject({ code: 'not_found', resource: 'route' });
  });

  it('pages and sorts the inbox newest first', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    for (const subject of ['one', 'two', 'three']) await staffWrites(l, staff, subject);
    const page1 = await staff.get('/api/v1/threads?box=sent&limit=2');
    expect(page1.json()).toMatchObject({ total: 3, totalCapped: false, previousCursor: null });
    expect(page1.json().items.map((i: { subject: string }) => i.subject)).toEqual(['three', 'two']);
    const page2 = await staff.get(`/api/v1/threads?box=sent&limit=2&cursor=${page1.json().nextCursor}`);
    expect(page2.json()).toMatchObject({ total: 3, nextCursor: null });
    expect(page2.json().items.map((i: { subject: string }) => i.subject)).toEqual(['one']);
  });
});

describe('a portal user of several customers (seeds 000, 002)', () => {
  it('sees only the current customer’s threads, filters by lease, and opens attachments of any of their customers', async () => {
    const l = await makeLandlord(t.app);
    const person = await insertPortalUser(t.app.db, { email: `both-${l.landlord.id}@tenant.test`, name: 'Both', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'main_admin' },
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
    ]);
    const client = await signIn(t.app, 'portal', person.email);
    const me = (await client.get('/api/v1/auth/portal/me')).json();
    expect(me.memberships.map((m: { customerId: string }) => m.customerId).sort()).toEqual(
      [l.household.customer.id, l.company.customer.id].sort(),
    );

    client.customerId = l.household.customer.id;
    await client.post('/api/v1/portal/threads', { leaseId: l.flat.id, subject: 'Flat', body: 'about the flat' });
    await client.post('/api/v1/portal/threads', { leaseId: l.storage.id, subject: 'Storage', body: 'about the storage room' });
    client.customerId = l.company.customer.id;
    const photo = await client.upload('/api/v1/portal/uploads', PNG, 'office.png');
    const office = await client.post('/api/v1/portal/threads', {
      leaseId: l.office.id,
      subject: 'Office',
      body: 'x',
      attachmentIds: [photo.json().id],
    });
    expect(office.statusCode).toBe(201);

    const subjects = async (query = '') =>
      (await client.get(`/api/v1/portal/threads?box=sent${query}`)).json().items.map((i: { subject: string }) => i.subject);
    expect(await subjects()).toEqual(['Office']);
    client.customerId = l.household.customer.id;
    expect((await subjects()).sort()).toEqual(['Flat', 'Storage']);
    expect(await subjects(`&leaseId=${l.storage.id}`)).toEqual(['Storage']);
    // The office thread is the other customer's: not reachable while acting for the household…
    expect((await client.get(`/api/v1/portal/threads/${office.json().id}`)).statusCode).toBe(404);
    // …but its photo is, as a plain link from an e-mail or an <img> carries no customer header.
    expect((await client.get(`/api/v1/portal/attachments/${photo.json().id}`)).statusCode).toBe(200);
  });
});

describe('error parameters', () => {
  it('sends the values a message names, so clients can translate by code', async () => {
    const l = await makeLandlord(t.app, { passwordPolicy: 'classic' });
    await staffWrites(l, await signIn(t.app, 'staff', l.admin.email));
    const { res } = await acceptInvitationFromMail(l, 'short');
    expect(res.json().error).toMatchObject({
      code: 'password_too_short',
      params: { min: 8, max: 128 },
      message: 'The password must be at least 8 characters long.',
    });
  });
});
