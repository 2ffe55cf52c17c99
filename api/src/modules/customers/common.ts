import type { Contact, ContactInput, Country } from '@portico/shared/contracts/customers';
import { parseMobile } from '@portico/shared/contracts/customers';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import { badRequest, forbidden, notFound } from '../../errors';
import { findLandlord } from '../settings/service';
import { canManageCustomers } from './policy';
import * as repo from './repo';

export type ContactRow = Awaited<ReturnType<typeof repo.listContacts>>[number];
type ContactDbRow = Awaited<ReturnType<typeof repo.listContactRows>>[number];

export async function requireCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const customer = await repo.findCustomer(db, landlordId, customerId);
  if (!customer) throw notFound('customer');
  return customer;
}

export function toContact(c: ContactRow): Contact {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    locale: c.locale,
    portalState: c.portalUserId ? 'registered' : c.invited ? 'invited' : 'none',
    portalEmail: c.portalUserEmail ?? null,
  };
}

export async function requireLandlord(db: DbOrTx, landlordId: string) {
  const landlord = await findLandlord(db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord;
}

export const contactFields = (c: Pick<ContactDbRow, 'name' | 'email' | 'phone' | 'locale'> & { customerId?: string }) => ({
  name: c.name,
  email: c.email ?? null,
  phone: c.phone ?? null,
  locale: c.locale ?? null,
});

/** A mobile number in E.164 for the landlord's country, or 400 mobile_invalid. */
export function normaliseMobile(value: string | null | undefined, country: Country) {
  if (value === undefined || value === null) return value;
  const e164 = parseMobile(value, country);
  if (!e164) throw badRequest('mobile_invalid');
  return e164;
}

export const definedOnly = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function contactValues(input: Partial<ContactInput>, country: Country): Partial<repo.ContactValues> {
  return definedOnly({ name: input.name, email: input.email, phone: normaliseMobile(input.phone, country), locale: input.locale });
}

export function assertManage(actor: StaffActor) {
  if (!canManageCustomers(actor)) throw forbidden();
}
