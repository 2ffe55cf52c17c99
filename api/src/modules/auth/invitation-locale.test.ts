import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, signIn, tokenFromLink } from '../../../test/helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a used invitation link', () => {
  it("names the landlord's language, so the portal explains it in Swedish at a Swedish landlord", async () => {
    const l = await makeLandlord(t.app, { locale: 'sv' });
    const staff = await signIn(t.app, 'staff', l.manager.email);
    await staff.post('/api/v1/threads', {
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      subject: 'Vatten',
      body: 'Vattnet stängs av.',
    });
    const [mail] = await outboxFor(t.app, l.household.contacts[0]!.email!);
    const token = tokenFromLink((mail!.payload as { invitationLink: string }).invitationLink);
    const accepted = await new Client(t.app).post(`/api/v1/auth/invitations/${token}/accept`, {
      name: 'Tove',
      password: 'my own long passphrase',
    });
    expect(accepted.statusCode).toBe(200);

    for (const res of [
      await new Client(t.app).get(`/api/v1/auth/invitations/${token}`),
      await new Client(t.app).post(`/api/v1/auth/invitations/${token}/accept`, { name: 'X', password: 'my own long passphrase' }),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toMatchObject({ code: 'invitation_used', params: { locale: 'sv' } });
    }
  });
});
