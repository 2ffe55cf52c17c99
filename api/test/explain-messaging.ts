/**
 * EXPLAIN (ANALYZE, BUFFERS) of the product's own list and count queries for messaging, customers,
 * invoices and the portal's membership check, as the repo functions send them (captured through
 * drizzle's logger, then explained with the same parameters). Run against a generated database:
 *
 *   cd api && DATABASE_URL=postgres://…/portico_msg_big node_modules/.bin/tsx test/explain-messaging.ts
 *
 * Expects the data of test/explain-messaging.sql (landlord 1111…, staff 2222…-1..4, session 4444…).
 */
import * as authRepo from '../src/modules/auth/repo';
import * as customersRepo from '../src/modules/customers/repo';
import * as invoicesRepo from '../src/modules/invoices/repo';
import * as repo from '../src/modules/messaging/repo';
import { createExplainer } from './explain-harness';

const LANDLORD = '11111111-1111-4111-8111-111111111111';
const RUNS = 5;
const staff = (n: number) => `22222222-0000-4000-8000-00000000000${n}`;

const { db, pool, explain } = createExplainer({ runs: RUNS, queryChars: 400 });

const page = (cursor?: string) => ({ cursor, limit: 25 });
const staffScope = { landlordId: LANDLORD };

async function main() {
  const { rows } = await pool.query(
    `select c.id as customer_id, l.id as lease_id, pm.portal_user_id from portal_memberships pm
     join customers c on c.id = pm.customer_id join leases l on l.customer_id = c.id
     join portal_users u on u.id = pm.portal_user_id where u.email = 'tenant1@example.test'`,
  );
  const { customer_id: customerId, lease_id: leaseId, portal_user_id: portalUserId } = rows[0];
  const tenant = { kind: 'tenant' as const, id: portalUserId };
  const reader = { kind: 'staff' as const, id: staff(2) };
  // Warm up the cache once, so the plans below show steady-state buffers.
  await repo.listThreads(db, staffScope, reader, 'inbox', page());

  await explain('Staff inbox, first page', () => repo.listThreads(db, staffScope, reader, 'inbox', page()));
  const first = await repo.listThreads(db, staffScope, reader, 'inbox', page());
  let deep = first;
  for (let i = 0; i < 40; i++) deep = await repo.listThreads(db, staffScope, reader, 'inbox', page(deep.nextCursor ?? undefined));
  await explain('Staff inbox, page 42 (next cursor)', () =>
    repo.listThreads(db, staffScope, reader, 'inbox', page(deep.nextCursor ?? undefined)),
  );
  await explain('Staff inbox, back a page (previous cursor)', () =>
    repo.listThreads(db, staffScope, reader, 'inbox', page(deep.previousCursor ?? undefined)),
  );
  await explain('Staff sent, first page', () => repo.listThreads(db, staffScope, reader, 'sent', page()));
  await explain('Staff inbox filtered by customer', () =>
    repo.listThreads(db, { landlordId: LANDLORD, customerId }, reader, 'inbox', page()),
  );
  await explain('Portal inbox (customer)', () => repo.listThreads(db, { landlordId: LANDLORD, customerId }, tenant, 'inbox', page()));
  await explain('Portal inbox (customer + lease)', () =>
    repo.listThreads(db, { landlordId: LANDLORD, customerId, leaseId }, tenant, 'inbox', page()),
  );
  for (const n of [2, 3, 4])
    await explain(`Unread count, staff ${['', '', 'who read 90%', 'who read 30%', 'who read nothing'][n]}`, () =>
      repo.countStaffUnread(db, { landlordId: LANDLORD, staffUserId: staff(n) }),
    );
  await explain('Unread count, tenant', () => repo.countTenantUnread(db, { landlordId: LANDLORD, customerId }, portalUserId, 100));
  await explain('Portal membership check (requireTenant), with customer header', () =>
    authRepo.findTenantContext(db, { familyId: '44444444-4444-4444-8444-444444444444', customerId }),
  );
  const cf = (q?: string, more: Partial<Parameters<typeof customersRepo.listCustomers>[2]> = {}) => ({
    q,
    country: 'SE' as const,
    archived: 'false' as const,
    sort: 'name' as const,
    dir: 'asc' as const,
    ...more,
  });
  await explain('Customer list, newest first', () =>
    customersRepo.listCustomers(db, LANDLORD, cf(undefined, { sort: 'created', dir: 'desc' }), page()),
  );
  await explain('Customer search, identity number prefix', () => customersRepo.listCustomers(db, LANDLORD, cf('198803'), page()));
  await explain('Customer list, first page', () => customersRepo.listCustomers(db, LANDLORD, cf(), page()));
  const customers = await customersRepo.listCustomers(db, LANDLORD, cf(), page());
  await explain('Customer list, next page', () => customersRepo.listCustomers(db, LANDLORD, cf(), page(customers.nextCursor ?? undefined)));
  await explain('Customer search, common term "son"', () => customersRepo.listCustomers(db, LANDLORD, cf('son'), page()));
  await explain('Customer search, rare term "kund4711@"', () => customersRepo.listCustomers(db, LANDLORD, cf('kund4711@'), page()));
  await explain('Customer search, a name "Pedersen Eva 4"', () => customersRepo.listCustomers(db, LANDLORD, cf('Pedersen Eva 4'), page()));
  await explain('Portal invoices, unpaid', () => invoicesRepo.listInvoices(db, { landlordId: LANDLORD, customerId }, true, page()));
  await explain('Portal invoices, all', () => invoicesRepo.listInvoices(db, { landlordId: LANDLORD, customerId }, false, page()));
  await pool.end();
}

await main();
