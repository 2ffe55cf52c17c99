/**
 * Demo data for `npm start`: two landlords (Swedish and Danish) so isolation can be seen.
 * Loaded once: a second run finds the demo landlord and does nothing.
 */
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { StaffActor, TenantActor } from '../actors';
import { loadConfig } from '../config';
import type { Deps } from '../deps';
import { openInfra } from '../infra';
import { createThread, reply } from '../modules/messaging/service';
import { insertCustomer, insertInvoice, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from './fixtures';
import { customerContacts, portalMemberships } from './schema/customers';
import { landlords } from './schema/landlords';
import { portalUsers } from './schema/portal-users';

export const DEMO_PASSWORD = 'Portico-Demo-2026';
const SE_NAME = 'Göta Fastigheter AB';

const staffActor = (s: { id: string; landlordId: string; name: string; email: string; role: StaffActor['role'] }): StaffActor => ({
  kind: 'staff',
  ...s,
});
const tenantActor = (u: { id: string; name: string; email: string }, landlordId: string, customerId: string): TenantActor => ({
  kind: 'tenant',
  ...u,
  landlordId,
  customerId,
  role: 'main_admin',
  invoicesRequireStrongAuth: false,
});

export async function seedDemo(deps: Deps) {
  const { db } = deps;
  const [existing] = await db.select().from(landlords).where(eq(landlords.name, SE_NAME));
  if (existing) return false;
  const password = DEMO_PASSWORD;

  // --- Sweden: classic password policy (seed 001), portal on ---
  const se = await insertLandlord(db, {
    name: SE_NAME,
    country: 'SE',
    defaultLocale: 'sv',
    portalEnabled: true,
    passwordPolicy: 'classic',
  });
  const seAdmin = await insertStaff(db, { landlordId: se.id, email: 'anna.berg@gota.example', name: 'Anna Berg', role: 'admin', password });
  await insertStaff(db, { landlordId: se.id, email: 'erik.lund@gota.example', name: 'Erik Lund', role: 'manager', password });
  await insertStaff(db, { landlordId: se.id, email: 'tove.ek@gota.example', name: 'Tove Ek', role: 'technician', password });
  const { units: seUnits } = await insertProperty(
    db,
    { landlordId: se.id, name: 'Lilla Bommen 8', street: 'Lilla Bommen 8', postalCode: '411 04', city: 'Göteborg' },
    [
      { number: '1201', type: 'apartment', address: 'Lilla Bommen 8, lgh 1201', areaM2: '74', floor: '12' },
      { number: 'F12', type: 'storage', address: 'Lilla Bommen 8, förråd 12', areaM2: '4', floor: '-1' },
      { number: '0401', type: 'office', address: 'Lilla Bommen 8, plan 4', areaM2: '350', floor: '4' },
      { number: '0903', type: 'apartment', address: 'Lilla Bommen 8, lgh 0903', areaM2: '58', floor: '9' },
    ],
  );
  const [flat, storage, office, flat2] = seUnits as [(typeof seUnits)[0], (typeof seUnits)[0], (typeof seUnits)[0], (typeof seUnits)[0]];

  const karin = await insertCustomer(
    db,
    { landlordId: se.id, kind: 'person', name: 'Karin Holm', email: 'karin.holm@example.se', phone: '+46701234567' },
    [{ name: 'Karin Holm', email: 'karin.holm@example.se', phone: '+46701234567' }],
  );
  const karinFlat = await insertLease(db, {
    landlordId: se.id,
    customerId: karin.customer.id,
    unitId: flat.id,
    number: 'HA-23-0415',
    validFrom: '2023-04-01',
  });
  await insertLease(db, {
    landlordId: se.id,
    customerId: karin.customer.id,
    unitId: storage.id,
    number: 'HA-23-0416',
    validFrom: '2023-04-01',
  });
  const karinUser = await insertPortalUser(db, { email: 'karin.holm@example.se', name: 'Karin Holm', password }, [
    { landlordId: se.id, customerId: karin.customer.id, contactId: karin.contacts[0]!.id, role: 'main_admin' },
  ]);

  const company = await insertCustomer(
    db,
    { landlordId: se.id, kind: 'company', name: 'Kontorsbolaget AB', email: 'info@kontorsbolaget.example' },
    [
      { name: 'Lars Nilsson', email: 'lars.nilsson@kontorsbolaget.example', phone: '+46709876543' },
      { name: 'Sofia Ek', email: 'sofia.ek@kontorsbolaget.example' },
    ],
  );
  const officeLease = await insertLease(db, {
    landlordId: se.id,
    customerId: company.customer.id,
    unitId: office.id,
    number: 'HA-24-0101',
    validFrom: '2024-01-01',
  });
  const lars = await insertPortalUser(db, { email: 'lars.nilsson@kontorsbolaget.example', name: 'Lars Nilsson', password }, [
    { landlordId: se.id, customerId: company.customer.id, contactId: company.contacts[0]!.id, role: 'main_admin' },
  ]);
  // Lars's BankID is linked: the local e-ID provider's default test person.
  await db.update(portalUsers).set({ identityNumber: '196802020575', identityVerifiedAt: new Date() }).where(eq(portalUsers.id, lars.id));
  // Seed 002: one user of each role in the company.
  await insertPortalUser(db, { email: 'pia.persson@kontorsbolaget.example', name: 'Pia Persson', password }, [
    { landlordId: se.id, customerId: company.customer.id, role: 'admin' },
  ]);
  await insertPortalUser(db, { email: 'ulf.berg@kontorsbolaget.example', name: 'Ulf Berg', password }, [
    { landlordId: se.id, customerId: company.customer.id, role: 'user' },
  ]);
  for (const [number, period, status, dueDate, paidAt] of [
    ['F-2027-0301', '2027-03', 'unpaid', '2027-02-28', null],
    ['F-2027-0201', '2027-02', 'overdue', '2027-01-31', null],
    ['F-2027-0101', '2027-01', 'paid', '2026-12-31', '2026-12-28'],
  ] as const) {
    await insertInvoice(db, {
      landlordId: se.id,
      customerId: company.customer.id,
      leaseId: officeLease.id,
      number,
      period,
      status,
      dueDate,
      paidAt,
      totalMinor: 8_750_000,
    });
  }

  // Seed 001: a company with a lease and contact data but no portal user yet — sign up with 857209-0606.
  const bakery = await insertCustomer(
    db,
    {
      landlordId: se.id,
      kind: 'company',
      name: 'Bageriet vid Bommen AB',
      identityNumber: '8572090606',
      email: 'kontakt@bageriet.example',
      phone: '+46705550123',
    },
    [{ name: 'Maja Bagare', email: 'kontakt@bageriet.example', phone: '+46705550123' }],
  );
  const { units: shopUnits } = await insertProperty(
    db,
    { landlordId: se.id, name: 'Lilla Bommen 10', street: 'Lilla Bommen 10', postalCode: '411 04', city: 'Göteborg' },
    [{ number: 'B1', type: 'retail', address: 'Lilla Bommen 10, butik 1', areaM2: '120', floor: '0' }],
  );
  await insertLease(db, {
    landlordId: se.id,
    customerId: bakery.customer.id,
    unitId: shopUnits[0]!.id,
    number: 'HA-25-0777',
    validFrom: '2025-06-01',
  });

  const omar = await insertCustomer(db, { landlordId: se.id, kind: 'person', name: 'Omar Haddad', email: 'omar.haddad@example.se' }, [
    { name: 'Omar Haddad', email: 'omar.haddad@example.se' },
  ]);
  await insertLease(db, {
    landlordId: se.id,
    customerId: omar.customer.id,
    unitId: flat2.id,
    number: 'HA-25-0210',
    validFrom: '2025-02-01',
  });

  // --- Denmark: standard policy, portal on ---
  const dk = await insertLandlord(db, { name: 'Nordhavn Ejendomme A/S', country: 'DK', defaultLocale: 'da', portalEnabled: true });
  const dkAdmin = await insertStaff(db, {
    landlordId: dk.id,
    email: 'mette.larsen@nordhavn.example',
    name: 'Mette Larsen',
    role: 'admin',
    password,
  });
  const { units: dkUnits } = await insertProperty(
    db,
    { landlordId: dk.id, name: 'Sandkaj 12', street: 'Sandkaj 12', postalCode: '2150', city: 'Nordhavn' },
    [
      { number: '3th', type: 'apartment', address: 'Sandkaj 12, 3. th.', areaM2: '92', floor: '3' },
      { number: 'D7', type: 'storage', address: 'Sandkaj 12, depotrum 7', areaM2: '3', floor: 'kl' },
    ],
  );
  const jens = await insertCustomer(
    db,
    { landlordId: dk.id, kind: 'person', name: 'Jens Poulsen', identityNumber: '2110625629', email: 'jens.poulsen@example.dk' },
    [{ name: 'Jens Poulsen', email: 'jens.poulsen@example.dk' }],
  );
  const jensFlat = await insertLease(db, {
    landlordId: dk.id,
    customerId: jens.customer.id,
    unitId: dkUnits[0]!.id,
    number: 'NH-3TH-2022',
    validFrom: '2022-08-01',
  });
  await insertLease(db, {
    landlordId: dk.id,
    customerId: jens.customer.id,
    unitId: dkUnits[1]!.id,
    number: 'NH-D7-2022',
    validFrom: '2022-08-01',
  });
  const jensUser = await insertPortalUser(db, { email: 'jens.poulsen@example.dk', name: 'Jens Poulsen', password }, [
    { landlordId: dk.id, customerId: jens.customer.id, contactId: jens.contacts[0]!.id, role: 'main_admin' },
  ]);

  // Seed 002: Lars belongs to a second customer, at the Danish landlord, and switches between them.
  const nordic = await insertCustomer(db, { landlordId: dk.id, kind: 'company', name: 'Nilsson Nordic ApS', identityNumber: '13585628' }, [
    { name: 'Lars Nilsson', email: 'lars.nilsson@kontorsbolaget.example' },
  ]);
  const { units: dkOffice } = await insertProperty(
    db,
    { landlordId: dk.id, name: 'Sandkaj 14', street: 'Sandkaj 14', postalCode: '2150', city: 'Nordhavn' },
    [{ number: 'K2', type: 'office', address: 'Sandkaj 14, kontor 2', areaM2: '80', floor: '2' }],
  );
  await insertLease(db, {
    landlordId: dk.id,
    customerId: nordic.customer.id,
    unitId: dkOffice[0]!.id,
    number: 'NH-K2-2024',
    validFrom: '2024-03-01',
  });
  await db
    .insert(portalMemberships)
    .values({ portalUserId: lars.id, customerId: nordic.customer.id, landlordId: dk.id, role: 'main_admin' });
  await db.update(customerContacts).set({ portalUserId: lars.id }).where(eq(customerContacts.id, nordic.contacts[0]!.id));

  // --- Threads, written through the same service the API uses ---
  const anna = staffActor({ ...seAdmin });
  const t1 = await createThread(deps, anna, {
    customerId: karin.customer.id,
    leaseId: karinFlat.id,
    subject: 'Tvättstugan stängd 12 mars',
    body: 'Hej Karin!\n\nTvättstugan är stängd den 12 mars för service av maskinerna. Boka gärna en annan dag.\n\nVänliga hälsningar,\nAnna',
    attachmentIds: [],
  });
  await reply(deps, tenantActor(karinUser, se.id, karin.customer.id), t1.id, {
    body: 'Tack för informationen! Jag bokar den 13:e i stället.',
    attachmentIds: [],
  });
  await createThread(deps, tenantActor(lars, se.id, company.customer.id), {
    leaseId: officeLease.id,
    subject: 'Nycklar till nya medarbetare',
    body: 'Hej! Vi har två nya medarbetare som börjar måndag. Kan vi beställa två extra nyckelbrickor?',
    attachmentIds: [],
  });
  const mette = staffActor({ ...dkAdmin });
  const t3 = await createThread(deps, mette, {
    customerId: jens.customer.id,
    leaseId: jensFlat.id,
    subject: 'Vandet lukkes torsdag',
    body: 'Hej Jens\n\nVandet lukkes torsdag kl. 9–12 på grund af udskiftning af stigrør.\n\nVenlig hilsen\nMette',
    attachmentIds: [],
  });
  await reply(deps, tenantActor(jensUser, dk.id, jens.customer.id), t3.id, { body: 'Tak for besked.', attachmentIds: [] });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const infra = openInfra(loadConfig());
  try {
    console.log((await seedDemo(infra.deps)) ? 'demo data loaded' : 'demo data already present');
  } finally {
    await infra.close();
  }
}
