import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, outboxFor, tokenFromLink } from '../test/helpers';
import { parseLandlordArgs, runLandlordCreate } from './landlord-create';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const env = { ...process.env, NODE_ENV: 'test', ADMIN_WEB_URL: 'http://admin.test' };

describe('npm run landlord:create (section 4)', () => {
  it('creates the landlord and queues its first admin’s invitation; the admin accepts and has an empty console', async () => {
    const address = `first-admin-${randomUUID().slice(0, 8)}@newlandlord.test`;
    const { landlord, admin } = await runLandlordCreate(
      ['--name', 'Nya Hem AB', '--country', 'se', '--admin-email', address, '--admin-name', 'Anna Berg'],
      env,
    );
    // Swedish by default for SE; the portal starts switched off.
    expect(landlord).toMatchObject({ name: 'Nya Hem AB', country: 'SE', defaultLocale: 'sv' });
    expect(admin).toMatchObject({ email: address, role: 'admin', status: 'invited' });

    const [row] = await outboxFor(t.app, address);
    expect(row).toMatchObject({ landlordId: landlord.id, channel: 'email', status: 'pending' });
    expect(row!.payload).toMatchObject({ template: 'staff_invitation', locale: 'sv', landlordName: 'Nya Hem AB', inviterName: 'Portico' });

    const client = new Client(t.app);
    const link = (row!.payload as { link: string }).link;
    const accepted = await client.post(`/api/v1/auth/staff/invitations/${tokenFromLink(link)}/accept`, {
      password: 'Anna-Has-A-Long-Pass-1',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'admin', landlord: { id: landlord.id, portalEnabled: false } });
    // From here the admin does everything in the console.
    const settings = (await client.get('/api/v1/settings')).json();
    expect(settings).toMatchObject({ name: 'Nya Hem AB', country: 'SE', portalEnabled: false });
    expect((await client.get('/api/v1/staff-users')).json().total).toBe(1);
    const history = (await client.get(`/api/v1/history/settings/${landlord.id}`)).json();
    expect(history.items.at(-1)).toMatchObject({ action: 'created', actor: { kind: 'system', name: 'Portico' } });
  });

  it('a Danish landlord defaults to Danish; an explicit --locale wins', async () => {
    const { landlord } = await runLandlordCreate(
      ['--name', 'Ny Bolig ApS', '--country', 'DK', '--admin-email', `dk-${randomUUID().slice(0, 8)}@x.test`],
      env,
    );
    expect(landlord.defaultLocale).toBe('da');
    expect(parseLandlordArgs(['--name', 'A', '--country', 'DK', '--locale', 'en', '--admin-email', 'a@b.test']).defaultLocale).toBe('en');
  });

  it('bad arguments are refused with the usage, and nothing is written', async () => {
    expect(() => parseLandlordArgs(['--name', 'A', '--country', 'NO', '--admin-email', 'a@b.test'])).toThrow(
      /usage: npm run landlord:create/,
    );
    expect(() => parseLandlordArgs(['--country', 'SE', '--admin-email', 'not-an-email'])).toThrow(/--name|--adminEmail/);
    expect(() => parseLandlordArgs(['--name', 'A', '--bogus', 'x'])).toThrow();
  });

  it('an admin e-mail that already has a staff account fails as a whole (no landlord left behind)', async () => {
    const address = `taken-${randomUUID().slice(0, 8)}@x.test`;
    await runLandlordCreate(['--name', 'First', '--country', 'SE', '--admin-email', address], env);
    const name = `Second ${randomUUID()}`;
    await expect(runLandlordCreate(['--name', name, '--country', 'SE', '--admin-email', address], env)).rejects.toMatchObject({
      code: 'email_taken',
    });
    const { landlords } = await import('./db/schema/landlords');
    const { eq } = await import('drizzle-orm');
    expect(await t.app.db.select().from(landlords).where(eq(landlords.name, name))).toHaveLength(0);
  });
});
