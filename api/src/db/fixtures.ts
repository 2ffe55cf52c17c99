/**
 * Plain inserts for demo data and test factories: one place that knows how to make a
 * landlord with its people and places. Not used by request handling.
 */
import { makeFik71PaymentId } from '@portico/shared/formats/fik';
import { makeOcr } from '@portico/shared/formats/ocr';
import type { Locale } from '@portico/shared/locale';
import { addMonths, formatISO, lastDayOfMonth, parseISO } from 'date-fns';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../modules/auth/passwords';
import type { DbOrTx } from './client';
import { customerContacts, customers, portalMemberships } from './schema/customers';
import { billingSettings, invoices } from './schema/invoices';
import { landlords } from './schema/landlords';
import { leases, leaseUnits } from './schema/leases';
import { portalUsers } from './schema/portal-users';
import { properties, units } from './schema/properties';
import { staffUsers } from './schema/staff';

export async function insertLandlord(
  db: DbOrTx,
  values: { name: string; country: 'SE' | 'DK'; defaultLocale: Locale; portalEnabled?: boolean; passwordPolicy?: 'standard' | 'classic' },
) {
  const [row] = await db.insert(landlords).values(values).returning();
  return row!;
}

export async function insertStaff(
  db: DbOrTx,
  values: {
    landlordId: string;
    email: string;
    name: string;
    role: 'admin' | 'manager' | 'finance' | 'technician';
    password: string;
    locale?: Locale;
  },
) {
  const { password, ...rest } = values;
  const [row] = await db
    .insert(staffUsers)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .returning();
  return row!;
}

export async function insertProperty(
  db: DbOrTx,
  values: { landlordId: string; name: string; street: string; postalCode: string; city: string; managerId?: string },
  unitList: {
    number: string;
    type: 'apartment' | 'office' | 'retail' | 'storage' | 'parking';
    address: string;
    areaM2?: string;
    floor?: string;
  }[],
) {
  const [property] = await db.insert(properties).values(values).returning();
  const unitRows = await db
    .insert(units)
    .values(unitList.map((u) => ({ ...u, landlordId: values.landlordId, propertyId: property!.id })))
    .returning();
  return { property: property!, units: unitRows };
}

export async function insertCustomer(
  db: DbOrTx,
  values: { landlordId: string; kind: 'person' | 'company'; name: string; identityNumber?: string; email?: string; phone?: string },
  contacts: { name: string; email?: string | null; phone?: string }[],
) {
  const [customer] = await db.insert(customers).values(values).returning();
  const contactRows = contacts.length
    ? await db
        .insert(customerContacts)
        .values(contacts.map((c) => ({ ...c, landlordId: values.landlordId, customerId: customer!.id })))
        .returning()
    : [];
  return { customer: customer!, contacts: contactRows };
}

const LEASE_TYPE_OF_UNIT = {
  apartment: 'residential',
  office: 'commercial',
  retail: 'commercial',
  storage: 'storage',
  parking: 'parking',
} as const;

export async function insertLease(
  db: DbOrTx,
  values: { landlordId: string; customerId: string; unitId: string; number: string; validFrom: string },
) {
  // The lease's type follows its unit (a flat is let as a home, an office as commercial premises).
  const [unit] = await db.select({ type: units.type }).from(units).where(eq(units.id, values.unitId));
  const type = LEASE_TYPE_OF_UNIT[unit?.type ?? 'apartment'];
  const [row] = await db
    .insert(leases)
    .values({ ...values, type })
    .returning();
  await db.insert(leaseUnits).values({ landlordId: values.landlordId, leaseId: row!.id, unitId: values.unitId });
  return row!;
}

/** A registered portal user for a contact person, as if they had accepted an invitation. */
export async function insertPortalUser(
  db: DbOrTx,
  values: { email: string; name: string; password: string; locale?: Locale },
  memberships: { landlordId: string; customerId: string; contactId?: string; role: 'main_admin' | 'admin' | 'user' }[],
) {
  const { password, ...rest } = values;
  const [user] = await db
    .insert(portalUsers)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .returning();
  for (const m of memberships) {
    await db.insert(portalMemberships).values({ portalUserId: user!.id, customerId: m.customerId, landlordId: m.landlordId, role: m.role });
    if (m.contactId) {
      await db.update(customerContacts).set({ portalUserId: user!.id }).where(eq(customerContacts.id, m.contactId));
    }
  }
  return user!;
}

/**
 * A notice written straight to the table, for tests of readers (lists, payments, mandates) that do
 * not go through a billing run. The number comes from the landlord's series like a real one; the
 * reference is an OCR (length digit) of the number unless given.
 */
export async function insertInvoice(
  db: DbOrTx,
  values: {
    landlordId: string;
    customerId: string;
    leaseId: string;
    number?: string;
    status: 'unpaid' | 'partly_paid' | 'paid' | 'credited';
    period?: string;
    totalMinor?: number;
    paidMinor?: number;
    currency?: 'SEK' | 'DKK' | 'EUR';
    dueDate?: string;
    paidAt?: string | null;
    reference?: string | null;
    paymentMethod?: 'bankgiro' | 'plusgiro' | 'fik' | 'iban' | null;
    kind?: 'notice' | 'charge' | 'credit_note';
  },
) {
  const [landlord] = await db.select({ country: landlords.country }).from(landlords).where(eq(landlords.id, values.landlordId));
  const [counter] = await db
    .insert(billingSettings)
    .values({
      landlordId: values.landlordId,
      currency: landlord?.country === 'DK' ? 'DKK' : 'SEK',
      dueRule: landlord?.country === 'DK' ? 'first_weekday_of' : 'last_weekday_before',
      nextNumber: 2,
    })
    .onConflictDoUpdate({ target: billingSettings.landlordId, set: { nextNumber: sql`${billingSettings.nextNumber} + 1` } })
    .returning({ next: billingSettings.nextNumber });
  const seq = counter!.next - 1;
  // Without a period, each notice of the landlord bills the next month from January 2027 (one per lease and period).
  const period = values.period ?? formatISO(addMonths(parseISO('2027-01-01'), seq - 1), { representation: 'date' }).slice(0, 7);
  const periodStart = /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : null;
  const totalMinor = values.totalMinor ?? 1_250_000;
  const [row] = await db
    .insert(invoices)
    .values({
      currency: landlord?.country === 'DK' ? 'DKK' : 'SEK',
      dueDate: '2027-02-28',
      paidAt: null,
      paymentMethod: landlord?.country === 'DK' ? 'fik' : 'bankgiro',
      reference: landlord?.country === 'DK' ? makeFik71PaymentId(String(seq)) : makeOcr(String(seq), { control: 'length' }),
      ...values,
      number: values.number ?? String(seq),
      seq,
      period,
      periodStart: values.kind && values.kind !== 'notice' ? null : periodStart,
      periodEnd: periodStart ? formatISO(lastDayOfMonth(parseISO(periodStart)), { representation: 'date' }) : null,
      totalMinor,
      subtotalMinor: totalMinor,
      paidMinor: values.paidMinor ?? (values.status === 'paid' ? totalMinor : 0),
    })
    .returning();
  return row!;
}
