/**
 * Demo data for `npm start`: two landlords (Swedish and Danish) so isolation can be seen.
 * Loaded once: a second run finds the demo landlord and does nothing.
 */
import { fileURLToPath } from 'node:url';
import type { CaseStatus } from '@portico/shared/contracts/cases';
import { CustomerCreateSchema } from '@portico/shared/contracts/customers';
import { type LeaseCreateInput, LeaseCreateSchema } from '@portico/shared/contracts/leases';
import { PropertyCreateSchema, type Unit, UnitCreateSchema } from '@portico/shared/contracts/properties';
import { addDays, addMonths, format, parseISO, subDays, subMonths } from 'date-fns';
import { sv } from 'date-fns/locale';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { StaffActor, TenantActor } from '../actors';
import { loadConfig } from '../config';
import type { Deps } from '../deps';
import { openInfra } from '../infra';
import { executeRun } from '../modules/billing/runs';
import { createObject } from '../modules/cases/objects';
import { reply as caseReply, changeStatus, createCase } from '../modules/cases/service';
import { addWorkOrder } from '../modules/cases/work-orders';
import { createCustomer } from '../modules/customers/service';
import { seedDocumentsDemo } from '../modules/documents/demo';
import { upload as uploadFile } from '../modules/files/service';
import { backfillDefaultHelpArticles } from '../modules/help/default-articles';
import { seedHelpDemo } from '../modules/help/demo';
import { recordChange } from '../modules/history/service';
import { createLease, updateLease } from '../modules/leases/service';
import { createThread, reply } from '../modules/messaging/service';
import { seedOperationalNotices } from '../modules/operational-info/demo';
import { bookPayment } from '../modules/payments/allocate';
import { buildBgmax } from '../modules/payments/bgmax-fixture';
import { importBgmax } from '../modules/payments/import';
import { registerPayment } from '../modules/payments/service';
import { seedPostsDemo } from '../modules/posts/demo';
import { createProperty, createUnit } from '../modules/properties/service';
import { createLandlord, updateSettings } from '../modules/settings/service';
import { insertPortalUser, insertStaff } from './fixtures';
import { cases } from './schema/cases';
import { customerContacts, portalMemberships } from './schema/customers';
import { invoices } from './schema/invoices';
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

type PropertyInput = z.input<typeof PropertyCreateSchema>;
type UnitInput = Omit<z.input<typeof UnitCreateSchema>, 'propertyId'>;

/** A landlord as `npm run landlord:create` makes one (the system as the actor of its first history entry). */
const newLandlord = (deps: Deps, input: { name: string; country: 'SE' | 'DK'; defaultLocale: 'sv' | 'da' | 'en' }) =>
  deps.db.transaction((tx) => createLandlord(tx, (landlordId) => ({ kind: 'system', name: 'Demo data', landlordId }), input));

/**
 * A colleague who has accepted their invitation: inserted with the demo password (the invitation
 * round trip needs the e-mailed token), with the history entry an invitation would have left.
 */
async function newStaff(db: Deps['db'], values: Parameters<typeof insertStaff>[1]) {
  const staff = await insertStaff(db, values);
  const { email, name, role } = values;
  await recordChange(
    db,
    { kind: 'system', name: 'Demo data', landlordId: values.landlordId },
    {
      recordType: 'staff_user',
      recordId: staff.id,
      action: 'created',
      after: { email, name, role },
    },
  );
  return staff;
}

/** A property and its units, as the console creates them (each input parsed by its contract). */
async function newProperty(deps: Deps, actor: StaffActor, input: PropertyInput, unitInputs: UnitInput[]) {
  const property = await createProperty(deps, actor, PropertyCreateSchema.parse(input));
  const units: Unit[] = [];
  for (const unit of unitInputs) units.push(await createUnit(deps, actor, UnitCreateSchema.parse({ ...unit, propertyId: property.id })));
  return { property, units };
}

async function newCustomer(deps: Deps, actor: StaffActor, input: z.input<typeof CustomerCreateSchema>) {
  const customer = await createCustomer(deps, actor, CustomerCreateSchema.parse(input));
  return { customer, contacts: customer.contacts };
}

const newLease = (deps: Deps, actor: StaffActor, input: LeaseCreateInput) => createLease(deps, actor, LeaseCreateSchema.parse(input));

/** A calendar date as the database's `date` columns store it. */
const day = (d: Date) => format(d, 'yyyy-MM-dd');

// Every date below is relative to the day the demo is loaded, so invoices, due dates and the
// dashboard's year of history agree with "today" whenever someone runs it.
export async function seedDemo(deps: Deps, now = new Date()) {
  const { db } = deps;
  const [existing] = await db.select().from(landlords).where(eq(landlords.name, SE_NAME));
  if (existing) return false;
  const password = DEMO_PASSWORD;

  // --- Sweden: classic password policy (seed 001), portal on ---
  // Landlords, properties, units, customers and leases go through the services the console and the
  // API use (issue 9), so the demo carries the same checks and a "created" history entry on every
  // record. Staff and portal users with the demo password stand for people who have already
  // accepted their invitations: inserted with their password set.
  const se = await newLandlord(deps, { name: SE_NAME, country: 'SE', defaultLocale: 'sv' });
  const seAdmin = await newStaff(db, { landlordId: se.id, email: 'anna.berg@gota.example', name: 'Anna Berg', role: 'admin', password });
  const anna = staffActor({ ...seAdmin });
  // The README's promise: Göta's invoices need BankID (step-up), Nordhavn's do not.
  await updateSettings(deps, anna, { portalEnabled: true, passwordPolicy: 'classic', invoicesRequireStrongAuth: true });
  const erik = await newStaff(db, { landlordId: se.id, email: 'erik.lund@gota.example', name: 'Erik Lund', role: 'manager', password });
  const tove = await newStaff(db, { landlordId: se.id, email: 'tove.ek@gota.example', name: 'Tove Ek', role: 'technician', password });
  // Issue 11: finance runs billing, imports payment files and handles mandates.
  await newStaff(db, { landlordId: se.id, email: 'frida.falk@gota.example', name: 'Frida Falk', role: 'finance', password });
  const { units: seUnits } = await newProperty(
    deps,
    anna,
    {
      name: 'Lilla Bommen 8',
      designation: 'Göteborg Gullbergsvass 703:24',
      street: 'Lilla Bommen 8',
      postalCode: '411 04',
      city: 'Göteborg',
      yearBuilt: 1989,
      floors: 14,
      areaInfo: 'Sophämtning tisdagar. Tvättstugan bokas i porten. Cykelrum i källaren.',
      managerId: erik.id,
      externalId: 'GF-LB8',
    },
    [
      { number: '1201', type: 'apartment', address: 'Lilla Bommen 8, lgh 1201', areaM2: 74, floor: '12' },
      { number: 'F12', type: 'storage', address: 'Lilla Bommen 8, förråd 12', areaM2: 4, floor: '-1' },
      { number: '0401', type: 'office', address: 'Lilla Bommen 8, plan 4', areaM2: 350, floor: '4' },
      { number: '0903', type: 'apartment', address: 'Lilla Bommen 8, lgh 0903', areaM2: 58, floor: '9' },
    ],
  );
  const [flat, storage, office, flat2] = seUnits as [Unit, Unit, Unit, Unit];

  const karin = await newCustomer(deps, anna, {
    kind: 'person',
    name: 'Karin Holm',
    identityNumber: '198112289874',
    email: 'karin.holm@example.se',
    phone: '+46701234567',
  });
  const karinFlat = await newLease(deps, anna, {
    number: 'HA-23-0415',
    type: 'residential',
    customerId: karin.customer.id,
    unitIds: [flat.id],
    validFrom: '2023-04-01',
    rentLines: [
      { kind: 'rent', amountMinor: 1_185_000 },
      { kind: 'heating', amountMinor: 45_000 },
    ],
  });
  await newLease(deps, anna, {
    number: 'HA-23-0416',
    type: 'storage',
    customerId: karin.customer.id,
    unitIds: [storage.id],
    validFrom: '2023-04-01',
    noticePeriodMonths: 1,
    rentLines: [{ kind: 'storage', amountMinor: 25_000 }],
  });
  const karinUser = await insertPortalUser(db, { email: 'karin.holm@example.se', name: 'Karin Holm', password }, [
    { landlordId: se.id, customerId: karin.customer.id, contactId: karin.contacts[0]!.id, role: 'main_admin' },
  ]);

  const company = await newCustomer(deps, anna, {
    kind: 'company',
    name: 'Kontorsbolaget AB',
    identityNumber: '5560360793',
    email: 'info@kontorsbolaget.example',
    street: 'Lilla Bommen 8',
    postalCode: '411 04',
    city: 'Göteborg',
    contacts: [
      { name: 'Lars Nilsson', email: 'lars.nilsson@kontorsbolaget.example', phone: '+46709876543' },
      { name: 'Sofia Ek', email: 'sofia.ek@kontorsbolaget.example' },
    ],
  });
  const officeLease = await newLease(deps, anna, {
    number: 'HA-24-0101',
    type: 'commercial',
    customerId: company.customer.id,
    unitIds: [office.id],
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
    noticePeriodMonths: 9,
    rentLines: [
      { kind: 'rent', amountMinor: 6_500_000, vatRate: 25 },
      { kind: 'service_charge', description: 'Fastighetsskatt och drift', amountMinor: 500_000, vatRate: 25 },
    ],
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
  // Seed 001: a company with a lease and contact data but no portal user yet — sign up with 857209-0606.
  const bakery = await newCustomer(deps, anna, {
    kind: 'company',
    name: 'Bageriet vid Bommen AB',
    identityNumber: '8572090606',
    email: 'kontakt@bageriet.example',
    phone: '+46705550123',
    contacts: [{ name: 'Maja Bagare', email: 'kontakt@bageriet.example', phone: '+46705550123' }],
  });
  const { units: shopUnits } = await newProperty(
    deps,
    anna,
    {
      name: 'Lilla Bommen 10',
      street: 'Lilla Bommen 10',
      postalCode: '411 04',
      city: 'Göteborg',
      managerId: erik.id,
      externalId: 'GF-LB10',
    },
    [{ number: 'B1', type: 'retail', address: 'Lilla Bommen 10, butik 1', areaM2: 120, floor: '0' }],
  );
  await newLease(deps, anna, {
    number: 'HA-25-0777',
    type: 'commercial',
    customerId: bakery.customer.id,
    unitIds: [shopUnits[0]!.id],
    validFrom: '2025-06-01',
    rentLines: [{ kind: 'rent', amountMinor: 2_100_000, vatRate: 25 }],
  });

  const omar = await newCustomer(deps, anna, { kind: 'person', name: 'Omar Haddad', email: 'omar.haddad@example.se' });
  await newLease(deps, anna, {
    number: 'HA-25-0210',
    type: 'residential',
    customerId: omar.customer.id,
    unitIds: [flat2.id],
    validFrom: '2025-02-01',
    rentLines: [{ kind: 'rent', amountMinor: 945_000 }],
  });

  // --- Denmark: standard policy, portal on ---
  const dk = await newLandlord(deps, { name: 'Nordhavn Ejendomme A/S', country: 'DK', defaultLocale: 'da' });
  const dkAdmin = await newStaff(db, {
    landlordId: dk.id,
    email: 'mette.larsen@nordhavn.example',
    name: 'Mette Larsen',
    role: 'admin',
    password,
  });
  const mette = staffActor({ ...dkAdmin });
  await updateSettings(deps, mette, { portalEnabled: true });
  const { units: dkUnits } = await newProperty(
    deps,
    mette,
    {
      name: 'Sandkaj 12',
      designation: '1234a Nordhavn, København',
      street: 'Sandkaj 12',
      postalCode: '2150',
      city: 'Nordhavn',
      description: 'Moderne boligejendom ved vandet i Nordhavn med elevator, tagterrasse og fælles cykelkælder.',
      yearBuilt: 2019,
      floors: 6,
      facts: [
        { label: 'Elevator', value: 'Ja' },
        { label: 'Energimærke', value: 'A2020' },
      ],
      areaInfo: 'Storskrald hentes første mandag i måneden. Vaskeriet ligger i kælderen og bookes på tavlen ved indgangen.',
      managerId: dkAdmin.id,
    },
    [
      { number: '3th', type: 'apartment', address: 'Sandkaj 12, 3. th.', areaM2: 92, floor: '3' },
      { number: 'D7', type: 'storage', address: 'Sandkaj 12, depotrum 7', areaM2: 3, floor: 'kl' },
    ],
  );
  const jens = await newCustomer(deps, mette, {
    kind: 'person',
    name: 'Jens Poulsen',
    identityNumber: '2110625629',
    email: 'jens.poulsen@example.dk',
  });
  const jensFlat = await newLease(deps, mette, {
    number: 'NH-3TH-2022',
    type: 'residential',
    customerId: jens.customer.id,
    unitIds: [dkUnits[0]!.id],
    validFrom: '2022-08-01',
    rentLines: [
      { kind: 'rent', amountMinor: 1_450_000 },
      { kind: 'water', amountMinor: 30_000 },
    ],
  });
  await newLease(deps, mette, {
    number: 'NH-D7-2022',
    type: 'storage',
    customerId: jens.customer.id,
    unitIds: [dkUnits[1]!.id],
    validFrom: '2022-08-01',
    noticePeriodMonths: 1,
    rentLines: [{ kind: 'storage', amountMinor: 20_000 }],
  });
  const jensUser = await insertPortalUser(db, { email: 'jens.poulsen@example.dk', name: 'Jens Poulsen', password }, [
    { landlordId: dk.id, customerId: jens.customer.id, contactId: jens.contacts[0]!.id, role: 'main_admin' },
  ]);

  // Seed 002: Lars belongs to a second customer, at the Danish landlord, and switches between them.
  const nordic = await newCustomer(deps, mette, {
    kind: 'company',
    name: 'Nilsson Nordic ApS',
    identityNumber: '13585628',
    contacts: [{ name: 'Lars Nilsson', email: 'lars.nilsson@kontorsbolaget.example' }],
  });
  const { units: dkOffice } = await newProperty(
    deps,
    mette,
    { name: 'Sandkaj 14', street: 'Sandkaj 14', postalCode: '2150', city: 'Nordhavn', managerId: dkAdmin.id },
    [{ number: 'K2', type: 'office', address: 'Sandkaj 14, kontor 2', areaM2: 80, floor: '2' }],
  );
  await newLease(deps, mette, {
    number: 'NH-K2-2024',
    type: 'commercial',
    customerId: nordic.customer.id,
    unitIds: [dkOffice[0]!.id],
    validFrom: '2024-03-01',
    rentLines: [{ kind: 'rent', amountMinor: 1_800_000, vatRate: 25 }],
  });
  await db
    .insert(portalMemberships)
    .values({ portalUserId: lars.id, customerId: nordic.customer.id, landlordId: dk.id, role: 'main_admin' });
  await db.update(customerContacts).set({ portalUserId: lars.id }).where(eq(customerContacts.id, nordic.contacts[0]!.id));

  // --- Threads, written through the same service the API uses ---
  // The closure is always twelve days ahead, so the demo never talks about a day long gone.
  const laundryDay = addDays(new Date(), 12);
  const svDate = (d: Date) => format(d, 'd MMMM', { locale: sv });
  const t1 = await createThread(deps, anna, {
    customerId: karin.customer.id,
    leaseId: karinFlat.id,
    subject: `Tvättstugan stängd ${svDate(laundryDay)}`,
    body: `Hej Karin!\n\nTvättstugan är stängd den ${svDate(laundryDay)} för service av maskinerna. Boka gärna en annan dag.\n\nVänliga hälsningar,\nAnna`,
    attachmentIds: [],
  });
  await reply(deps, tenantActor(karinUser, se.id, karin.customer.id), t1.id, {
    body: `Tack för informationen! Jag bokar den ${svDate(addDays(laundryDay, 1))} i stället.`,
    attachmentIds: [],
  });
  await createThread(deps, tenantActor(lars, se.id, company.customer.id), {
    leaseId: officeLease.id,
    subject: 'Nycklar till nya medarbetare',
    body: 'Hej! Vi har två nya medarbetare som börjar måndag. Kan vi beställa två extra nyckelbrickor?',
    attachmentIds: [],
  });
  const t3 = await createThread(deps, mette, {
    customerId: jens.customer.id,
    leaseId: jensFlat.id,
    subject: 'Vandet lukkes torsdag',
    body: 'Hej Jens\n\nVandet lukkes torsdag kl. 9–12 på grund af udskiftning af stigrør.\n\nVenlig hilsen\nMette',
    attachmentIds: [],
  });
  await reply(deps, tenantActor(jensUser, dk.id, jens.customer.id), t3.id, { body: 'Tak for besked.', attachmentIds: [] });

  // --- Service cases (seeds 001, 003): every status, objects, work orders and a year of history ---
  const erikActor = staffActor({ ...erik });
  const larsActor = tenantActor(lars, se.id, company.customer.id);
  const dishwasher = await createObject(deps, anna, {
    number: 'OBJ-1001',
    type: 'Diskmaskin',
    make: 'Electrolux',
    model: 'ESF5545LOX',
    location: 'Pentry plan 4',
    unitId: office.id,
  });
  await createObject(deps, anna, {
    number: 'OBJ-1002',
    type: 'Ventilationsaggregat',
    make: 'Systemair',
    model: 'SAVE VTR 300',
    location: 'Fläktrum plan 5',
    unitId: office.id,
  });
  const location = {
    siteName: 'Kontorsbolaget AB',
    street: 'Lilla Bommen 8, plan 4',
    postalCode: '411 04',
    city: 'Göteborg',
    reporterName: 'Lars Nilsson',
    reporterPhone: '+46709876543',
    masterKeyAllowed: true,
    invoiceMarking: 'KST 4410',
    agreementNumber: 'SA-2024-17',
  };
  const stories: {
    title: string;
    description: string;
    type: 'fault' | 'service' | 'inquiry';
    path: CaseStatus[];
    /** How many months before today the case came in (0 = a few days ago). */
    monthsAgo: number;
    response: number;
    resolution?: number;
    cost?: number;
  }[] = [
    {
      title: 'Diskmaskinen tömmer inte',
      description: 'Vatten står kvar i botten efter varje körning.',
      type: 'fault',
      path: ['acknowledged', 'in_progress', 'resolved', 'closed'],
      monthsAgo: 10,
      response: 2,
      resolution: 26,
      cost: 185_000,
    },
    {
      title: 'Dragigt vid fönstren i konferensrummet',
      description: 'Kallt drag vid fönster mot kajen.',
      type: 'fault',
      path: ['acknowledged', 'in_progress', 'resolved', 'closed'],
      monthsAgo: 9,
      response: 5,
      resolution: 74,
      cost: 62_000,
    },
    {
      title: 'Byte av lysrör i korridoren',
      description: 'Tre lysrör blinkar.',
      type: 'service',
      path: ['in_progress', 'resolved', 'closed'],
      monthsAgo: 8,
      response: 1,
      resolution: 8,
      cost: 12_000,
    },
    {
      title: 'Fråga om extra parkeringsplats',
      description: 'Finns det fler platser i garaget?',
      type: 'inquiry',
      path: ['acknowledged', 'resolved', 'closed'],
      monthsAgo: 7,
      response: 20,
      resolution: 30,
    },
    {
      title: 'Ventilationen låter högt',
      description: 'Brummande ljud från fläktrummet.',
      type: 'fault',
      path: ['acknowledged', 'in_progress', 'resolved'],
      monthsAgo: 5,
      response: 3,
      resolution: 50,
      cost: 240_000,
    },
    {
      title: 'Trasigt lås på förrådsdörren',
      description: 'Nyckeln går inte att vrida.',
      type: 'fault',
      path: ['acknowledged', 'in_progress', 'resolved'],
      monthsAgo: 3,
      response: 1,
      resolution: 5,
      cost: 45_000,
    },
    {
      title: 'Service av kaffeautomat',
      description: 'Årlig service.',
      type: 'service',
      path: ['acknowledged', 'in_progress'],
      monthsAgo: 2,
      response: 4,
    },
    {
      title: 'Läckande kran i pentryt',
      description: 'Droppar hela tiden.',
      type: 'fault',
      path: ['acknowledged', 'waiting_for_tenant'],
      monthsAgo: 1,
      response: 2,
    },
    {
      title: 'Städning av entrén efter ombyggnad',
      description: 'Mycket damm kvar.',
      type: 'service',
      path: ['acknowledged'],
      monthsAgo: 0,
      response: 6,
    },
    {
      title: 'Diskmaskinen läcker igen',
      description: 'Vatten på golvet framför maskinen.',
      type: 'fault',
      path: [],
      monthsAgo: 0,
      response: 0,
    },
  ];
  for (const story of stories) {
    // Months back: the 10th at 08:00; this month's cases came in three days ago (never in the future).
    const month = subMonths(now, story.monthsAgo);
    const start = story.monthsAgo === 0 ? subDays(now, 3) : new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 10, 8));
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    const created = await createCase(deps, larsActor, {
      title: story.title,
      description: story.description,
      type: story.type,
      leaseId: officeLease.id,
      objectId: story.title.startsWith('Diskmaskinen') ? dishwasher.id : undefined,
      attachmentIds: [],
      ...location,
    });
    for (const status of story.path) await changeStatus(deps, erikActor, created.id, status);
    if (story.path.length)
      await caseReply(deps, erikActor, created.id, { body: 'Tack för anmälan, vi tittar på det.', internal: false, attachmentIds: [] });
    if (story.cost) {
      await addWorkOrder(deps, erikActor, created.id, {
        description: `Åtgärd: ${story.title.toLowerCase()}`,
        performedAt: at(50).toISOString(),
        minutes: 60 + Math.round(story.cost / 2000),
        materialCostMinor: story.cost,
        attachmentIds: [],
      });
    }
    // Move the case into its month so the dashboard has a year of history.
    await db
      .update(cases)
      .set({
        createdAt: at(0),
        dueAt: story.path.length < 3 ? at(72) : null,
        firstResponseAt: story.path.length ? at(story.response) : null,
        resolvedAt: story.resolution ? at(story.resolution) : null,
        closedAt: story.path.includes('closed') ? at((story.resolution ?? 0) + 24) : null,
      })
      .where(eq(cases.id, created.id));
  }
  const assignedToTove = await createCase(deps, erikActor, {
    customerId: company.customer.id,
    title: 'Kontroll av brandlarm',
    description: 'Årlig kontroll av brandlarmet på plan 4.',
    type: 'service',
    leaseId: officeLease.id,
    assigneeId: tove.id,
    attachmentIds: [],
    ...location,
  });
  void assignedToTove;

  // --- Billing (issue 11, RUN): payment accounts, then real billing runs of last, this and next month ---
  // Rent in advance: next month's notices are open, this month's are past due, last month's were paid
  // three days before they fell due (a manual payment each, booked through the payments core).
  for (const [landlord, accounts] of [
    [se, { bankgiro: '991-2346' }],
    [dk, { fiCreditor: '85799665' }],
  ] as const) {
    const [row] = await db.select({ accounts: landlords.paymentAccounts }).from(landlords).where(eq(landlords.id, landlord.id));
    await db
      .update(landlords)
      .set({ paymentAccounts: { ...accounts, ...row?.accounts } })
      .where(eq(landlords.id, landlord.id));
    for (const month of [subMonths(now, 1), now, addMonths(now, 1)])
      await executeRun(db, {
        landlordId: landlord.id,
        period: format(month, 'yyyy-MM'),
        source: 'console',
        createdBy: null,
        today: day(now),
      });
    const paid = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.landlordId, landlord.id), eq(invoices.period, format(subMonths(now, 1), 'yyyy-MM'))));
    for (const notice of paid)
      await db.transaction((tx) =>
        bookPayment(
          tx,
          {
            landlordId: landlord.id,
            customerId: notice.customerId,
            source: 'manual',
            amountMinor: notice.totalMinor,
            currency: notice.currency,
            paidOn: day(subDays(parseISO(notice.dueDate), 3)),
            reference: notice.reference,
          },
          notice.id,
        ),
      );
  }

  // --- LEASE (issue 11 §1): signed leases in the portal ---
  // Jens's flat (no BankID step-up at Nordhavn) and Kontorsbolaget's office (Lars, after BankID) were
  // signed digitally: their PDFs go through the upload and the lease edit as in the console. Jens's
  // storage room and Karin's leases were signed on paper: their pages offer "Request a copy".
  for (const [actor, lease, title] of [
    [mette, jensFlat, 'Lejekontrakt'],
    [anna, officeLease, 'Hyresavtal'],
  ] as const) {
    const file = await uploadFile(deps, actor, { filename: `${title} ${lease.number}.pdf`, data: demoPdf(`${title} ${lease.number}`) });
    await updateLease(deps, actor, lease.id, { signedPdfId: file.id });
  }
  // Issue 12 (DOCS): property teams with phones, and documents for each property, a customer and a lease.
  await seedDocumentsDemo(deps, [
    {
      actor: anna,
      locale: 'sv',
      propertyId: flat.property.id,
      phones: [
        { staffUserId: erik.id, phone: '031-712 40 10' },
        { staffUserId: tove.id, phone: '070-123 45 67' },
        { staffUserId: seAdmin.id, phone: '031-712 40 00' },
      ],
      team: [
        { staffUserId: seAdmin.id, title: 'Kundansvarig' },
        { staffUserId: tove.id, title: 'Fastighetsskötare' },
      ],
      customerId: karin.customer.id,
      leaseId: karinFlat.id,
    },
    {
      actor: mette,
      locale: 'da',
      propertyId: dkUnits[0]!.property.id,
      phones: [{ staffUserId: dkAdmin.id, phone: '+45 33 12 34 56' }],
      team: [{ staffUserId: dkAdmin.id, title: 'Ejendomsadministrator' }],
      customerId: jens.customer.id,
      leaseId: jensFlat.id,
    },
  ]);

  // --- Issue 11 PAY: a BgMax file from Bankgirot with two payments nobody could match (the queue at
  // Billing → Unmatched), and one payment registered by hand as the company's credit. ---
  {
    const [gota] = await db.select({ accounts: landlords.paymentAccounts }).from(landlords).where(eq(landlords.id, se.id));
    const bankgiro = gota?.accounts.bankgiro ?? '991-2346';
    if (!gota?.accounts.bankgiro)
      await db
        .update(landlords)
        .set({ paymentAccounts: { ...gota?.accounts, bankgiro } })
        .where(eq(landlords.id, se.id));
    const deposit = day(subDays(now, 2));
    const file = buildBgmax({
      payeeBankgiro: bankgiro,
      stamp: `${deposit.replace(/-/g, '')}061500000000`,
      deposits: [
        {
          date: deposit,
          payments: [
            {
              reference: 'HYRA LGH 1201',
              code: 4,
              amountMinor: 1_245_000,
              serial: `${deposit.replace(/-/g, '')}0001`,
              name: 'Okänd Betalare',
            },
            { reference: '', code: 1, amountMinor: 50_000, channel: 3, serial: `${deposit.replace(/-/g, '')}0002`, name: 'Lisa Nyström' },
          ],
        },
      ],
    });
    await importBgmax(deps, anna, Buffer.from(file, 'latin1'));
    await registerPayment(deps, anna, {
      amountMinor: 250_000,
      paidOn: day(subDays(now, 5)),
      customerId: company.customer.id,
      reference: 'Swish',
      note: 'Förskott, överenskommet per telefon',
    });
  }

  // Issue 11 (DOCS): the Swedish landlord's org number and bankgiro, so its notices carry the
  // Swedish invoice QR code and the bankgiro OCR line (the worker renders their PDFs by state).
  await db
    .update(landlords)
    .set({ orgNumber: '556677-8899', paymentAccounts: { ...(se.paymentAccounts ?? {}), bankgiro: '991-2346' } })
    .where(eq(landlords.id, se.id));
  // Issue 12: what tenants see on Home and in the help centre — whom to ask, and the landlords' links.
  await db
    .update(landlords)
    .set({
      supportEmail: 'kundservice@gota.example',
      supportPhone: '031-123 45 00',
      usefulLinks: [
        { title: 'Felanmälan dygnet runt', url: 'https://gota.example/felanmalan' },
        { title: 'Trivselregler', url: 'https://gota.example/trivselregler' },
      ],
    })
    .where(eq(landlords.id, se.id));
  await db
    .update(landlords)
    .set({
      supportEmail: 'kundeservice@nordhavn.example',
      supportPhone: '+45 33 12 34 00',
      usefulLinks: [
        { title: 'Akut skade uden for åbningstid', url: 'https://nordhavn.example/akut' },
        { title: 'Husorden', url: 'https://nordhavn.example/husorden' },
      ],
    })
    .where(eq(landlords.id, dk.id));
  await seedHelpDemo(deps, { se: anna, dk: mette }); // Issue 12 (HELP)

  // Issue 12 (POSTS): news, a bulletin post with an image, area information and an expired post per landlord.
  await seedPostsDemo(deps, [
    { actor: anna, propertyId: seUnits[0]!.property.id, locale: 'sv' },
    { actor: mette, propertyId: dkUnits[0]!.property.id, locale: 'da' },
  ]);

  // Issue 12 (OPS): operational notices in each landlord's language.
  await seedOperationalNotices(deps, {
    se: { actor: anna, propertyId: flat.property.id },
    dk: { actor: mette, propertyId: dkUnits[0]!.property.id },
  });
  return true;
}

/** A one-page PDF with a line of text (the demo's signed leases): objects, their byte offsets, the trailer. */
function demoPdf(text: string): Buffer {
  const ascii = text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '');
  const content = `BT /F1 18 Tf 72 760 Td (${ascii}) Tj 0 -28 Td /F1 12 Tf (Signed digitally - Portico demo) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const infra = openInfra(loadConfig());
  try {
    console.log((await seedDemo(infra.deps)) ? 'demo data loaded' : 'demo data already present');
    // Issue 12 (HELP): landlords made before the help centre existed get its default articles.
    const filled = await backfillDefaultHelpArticles(infra.deps.db);
    if (filled) console.log(`default help articles added for ${filled} landlord(s)`);
  } finally {
    await infra.close();
  }
}
