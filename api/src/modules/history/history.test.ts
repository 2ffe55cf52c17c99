import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import { diffFields, recordChange, recordChanges } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('diffFields', () => {
  it('lists only the fields that changed, dates as ISO text and missing as null', () => {
    const at = new Date('2026-11-30T10:00:00.000Z');
    expect(
      diffFields({ name: 'A', area: 10, from: at, tags: ['x'] }, { name: 'B', area: 10, from: new Date(at), tags: ['x'], floor: '2' }),
    ).toEqual({
      name: { from: 'A', to: 'B' },
      floor: { from: null, to: '2' },
    });
    expect(diffFields(null, { name: 'A', note: undefined })).toEqual({ name: { from: null, to: 'A' } });
    expect(diffFields({ rent: [{ amount: 1 }] }, { rent: [{ amount: 2 }] })).toEqual({
      rent: { from: [{ amount: 1 }], to: [{ amount: 2 }] },
    });
  });
});

describe('record history', () => {
  it('shows who changed which fields, newest first, paged; an unchanged update leaves no entry', async () => {
    const l = await makeLandlord(t.app);
    const admin = {
      kind: 'staff' as const,
      id: l.admin.id,
      landlordId: l.landlord.id,
      role: 'admin' as const,
      name: 'Ada Admin',
      email: l.admin.email,
    };
    const system = { kind: 'system' as const, name: 'Import', landlordId: l.landlord.id };
    const id = l.company.customer.id;
    await recordChange(t.app.db, admin, { recordType: 'customer', recordId: id, action: 'created', after: { name: 'Old AB' } });
    await recordChanges(t.app.db, system, [
      {
        recordType: 'customer',
        recordId: id,
        action: 'updated',
        before: { name: 'Old AB', phone: null },
        after: { name: 'New AB', phone: null },
      },
      { recordType: 'customer', recordId: id, action: 'updated', before: { name: 'New AB' }, after: { name: 'New AB' } },
    ]);

    const manager = await signIn(t.app, 'staff', l.manager.email);
    const first = await manager.get(`/api/v1/history/customer/${id}?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      total: 2,
      items: [
        { action: 'updated', actor: { kind: 'system', id: null, name: 'Import' }, changes: { name: { from: 'Old AB', to: 'New AB' } } },
      ],
    });
    const second = (await manager.get(`/api/v1/history/customer/${id}?limit=1&cursor=${first.json().nextCursor}`)).json();
    expect(second.items).toMatchObject([
      { action: 'created', actor: { kind: 'staff', id: l.admin.id, name: 'Ada Admin' }, changes: { name: { from: null, to: 'Old AB' } } },
    ]);
    expect(second.nextCursor).toBeNull();

    // The same id as another type, another landlord's staff, and a technician: nothing to see.
    expect((await manager.get(`/api/v1/history/lease/${id}`)).statusCode).toBe(404);
    const other = await makeLandlord(t.app);
    const stranger = await signIn(t.app, 'staff', other.admin.email);
    const foreign = await stranger.get(`/api/v1/history/customer/${id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Old AB');
    expect((await (await signIn(t.app, 'staff', l.technician.email)).get(`/api/v1/history/customer/${id}`)).statusCode).toBe(403);
    // Staff users' history is the admin's alone.
    await recordChange(t.app.db, admin, {
      recordType: 'staff_user',
      recordId: l.manager.id,
      action: 'updated',
      before: { role: 'finance' },
      after: { role: 'manager' },
    });
    expect((await manager.get(`/api/v1/history/staff_user/${l.manager.id}`)).statusCode).toBe(403);
    expect((await (await signIn(t.app, 'staff', l.admin.email)).get(`/api/v1/history/staff_user/${l.manager.id}`)).statusCode).toBe(200);
  });
});
