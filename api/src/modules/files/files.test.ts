import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PASSWORD, PDF, PNG, signIn, type TestLandlord } from '../../../test/helpers';
import { insertStaff } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const staffFile = (c: Client, id: string) => c.get(`/api/v1/attachments/${id}`);
const portalFile = (c: Client, id: string) => c.get(`/api/v1/portal/attachments/${id}`);

async function upload(c: Client, audience: 'staff' | 'portal', name = 'photo.png') {
  const res = await c.upload(audience === 'staff' ? '/api/v1/uploads' : '/api/v1/portal/uploads', name.endsWith('.pdf') ? PDF : PNG, name);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/**
 * One file on each kind of thing a file can belong to: the tenant's report, a public reply, an
 * internal note and a work order of one case (routed to the manager), and a message.
 */
async function filesOnEverything(l: TestLandlord) {
  const tenant = await signIn(t.app, 'portal', l.companyUser.email);
  const manager = await signIn(t.app, 'staff', l.manager.email);
  const report = await tenant.post('/api/v1/portal/cases', {
    title: 'Läcker',
    description: 'Under diskbänken',
    type: 'fault',
    leaseId: l.office.id,
    attachmentIds: [await upload(tenant, 'portal')],
  });
  expect(report.statusCode).toBe(201);
  const caseId = report.json().id as string;
  expect(report.json().assignee.id).toBe(l.manager.id);
  const reportFile = report.json().attachments[0].id as string;
  const publicReply = await manager.post(`/api/v1/cases/${caseId}/replies`, {
    body: 'Vi kommer',
    attachmentIds: [await upload(manager, 'staff')],
  });
  const note = await manager.post(`/api/v1/cases/${caseId}/replies`, {
    body: 'Hyresgästen har hund',
    internal: true,
    attachmentIds: [await upload(manager, 'staff', 'note.pdf')],
  });
  const order = await manager.post(`/api/v1/cases/${caseId}/work-orders`, {
    description: 'Bytte packning',
    performedAt: new Date().toISOString(),
    minutes: 30,
    materialCostMinor: 0,
    attachmentIds: [await upload(manager, 'staff')],
  });
  const thread = await tenant.post('/api/v1/portal/threads', {
    leaseId: l.office.id,
    subject: 'Faktura',
    body: 'Se bifogat',
    attachmentIds: [await upload(tenant, 'portal', 'bill.pdf')],
  });
  for (const res of [publicReply, note, order, thread]) expect(res.statusCode).toBe(201);
  return {
    tenant,
    manager,
    caseId,
    files: {
      report: reportFile,
      publicReply: publicReply.json().attachments[0].id as string,
      internalNote: note.json().attachments[0].id as string,
      workOrder: order.json().attachments[0].id as string,
      message: thread.json().messages[0].attachments[0].id as string,
    },
  };
}

describe('attachments follow the visibility of what they are attached to', () => {
  it('a technician opens only files of cases assigned to them (internal notes included), never message files', async () => {
    const l = await makeLandlord(t.app);
    const { manager, caseId, files } = await filesOnEverything(l);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    const caseFiles = [files.report, files.publicReply, files.internalNote, files.workOrder];

    // Not assigned: the case is invisible to them, and so is every file on it.
    expect((await technician.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    for (const id of [...caseFiles, files.message]) expect((await staffFile(technician, id)).statusCode).toBe(404);

    expect((await manager.post(`/api/v1/cases/${caseId}/assign`, { assigneeId: l.technician.id })).statusCode).toBe(200);
    expect((await technician.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    for (const id of caseFiles) expect((await staffFile(technician, id)).statusCode).toBe(200);
    // Technicians have no message inbox, so no message file either.
    expect((await technician.get('/api/v1/threads')).statusCode).toBe(403);
    expect((await staffFile(technician, files.message)).statusCode).toBe(404);

    // Assigned away again: access ends with the assignment.
    expect((await manager.post(`/api/v1/cases/${caseId}/assign`, { assigneeId: l.manager.id })).statusCode).toBe(200);
    expect((await staffFile(technician, files.internalNote)).statusCode).toBe(404);
  });

  it('office roles (admin, manager, finance) open every file, as they read every case and message', async () => {
    const l = await makeLandlord(t.app);
    const { files } = await filesOnEverything(l);
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${l.landlord.id.slice(0, 8)}@staff.test`,
      name: 'Finance',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [l.admin.email, l.manager.email, finance.email]) {
      const staff = await signIn(t.app, 'staff', email);
      expect((await staff.get('/api/v1/threads')).statusCode).toBe(200);
      for (const id of Object.values(files)) expect((await staffFile(staff, id)).statusCode, `${email} ${id}`).toBe(200);
    }
  });

  it('a tenant never opens an internal note’s file; another customer and another landlord open nothing', async () => {
    const l = await makeLandlord(t.app);
    const { tenant, files } = await filesOnEverything(l);
    for (const id of [files.report, files.publicReply, files.workOrder, files.message])
      expect((await portalFile(tenant, id)).statusCode).toBe(200);
    expect((await portalFile(tenant, files.internalNote)).statusCode).toBe(404);

    const other = await makeLandlord(t.app);
    const otherTenant = await signIn(t.app, 'portal', other.companyUser.email);
    const otherAdmin = await signIn(t.app, 'staff', other.admin.email);
    for (const id of Object.values(files)) {
      expect((await portalFile(otherTenant, id)).statusCode).toBe(404);
      expect((await staffFile(otherAdmin, id)).statusCode).toBe(404);
    }
  });

  it('a pending upload belongs to nothing yet: only its uploader opens it', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const staffUpload = await upload(manager, 'staff');
    const tenantUpload = await upload(tenant, 'portal');
    expect((await staffFile(manager, staffUpload)).statusCode).toBe(200);
    expect((await staffFile(admin, staffUpload)).statusCode).toBe(404);
    expect((await staffFile(admin, tenantUpload)).statusCode).toBe(404);
    expect((await portalFile(tenant, tenantUpload)).statusCode).toBe(200);
    expect((await portalFile(tenant, staffUpload)).statusCode).toBe(404);
  });
});
