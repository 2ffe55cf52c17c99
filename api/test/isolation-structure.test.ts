import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from './helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Tables that belong to no single landlord: a portal person may hold customers of several
 * landlords, and sessions, tokens, sign-ups and e-ID round trips belong to such a person (or to a
 * staff user, whose row carries the landlord).
 */
const NOT_LANDLORD_OWNED = ['landlords', 'portal_users', 'sessions', 'password_resets', 'signups', 'email_changes', 'eid_requests'];

/** Postgres's answer to a write, or the SQLSTATE it refused it with (23503 = foreign key violation). */
async function attempt(query: ReturnType<typeof sql>) {
  try {
    await t.app.db.execute(query);
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? String(err);
  }
}

describe('isolation by structure', () => {
  it('every landlord-owned table carries landlord_id, and every reference between them includes it', async () => {
    const tables = (
      await t.app.db.execute<{ table_name: string; has_landlord: boolean; nullable: boolean | null }>(sql`
        select t.table_name,
               c.column_name is not null as has_landlord,
               c.is_nullable = 'YES' as nullable
        from information_schema.tables t
        left join information_schema.columns c
          on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'landlord_id'
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`)
    ).rows;
    const owned = tables.filter((r) => !NOT_LANDLORD_OWNED.includes(r.table_name));
    expect(owned.length).toBeGreaterThan(15);
    expect(owned.filter((r) => !r.has_landlord).map((r) => r.table_name)).toEqual([]);
    // The outbox also carries mail about a person's own account (no landlord); everything else is NOT NULL.
    expect(owned.filter((r) => r.nullable && r.table_name !== 'outbox').map((r) => r.table_name)).toEqual([]);

    const fks = (
      await t.app.db.execute<{ name: string; child: string; parent: string; cols: string[] }>(sql`
        select c.conname as name, ch.relname as child, pa.relname as parent,
               array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as cols
        from pg_constraint c
        join pg_class ch on ch.oid = c.conrelid
        join pg_class pa on pa.oid = c.confrelid
        join pg_namespace n on n.oid = ch.relnamespace
        where c.contype = 'f' and n.nspname = 'public'`)
    ).rows;
    const ownedNames = new Set(owned.map((r) => r.table_name));
    const between = fks.filter((f) => ownedNames.has(f.child) && ownedNames.has(f.parent));
    expect(between.length).toBeGreaterThan(30);
    // A reference by id alone could point into another landlord; (landlord_id, id) cannot.
    expect(between.filter((f) => !f.cols.includes('landlord_id')).map((f) => f.name)).toEqual([]);
  });

  it('the database refuses rows that point into another landlord', async () => {
    const a = await makeLandlord(t.app);
    const b = await makeLandlord(t.app);
    const staffA = await signIn(t.app, 'staff', a.manager.email);
    const caseA = await staffA.post('/api/v1/cases', {
      customerId: a.company.customer.id,
      leaseId: a.office.id,
      type: 'fault',
      title: 'Dörr',
      description: 'Går inte att låsa',
    });
    expect(caseA.statusCode).toBe(201);
    const caseId = caseA.json().id as string;
    const threadA = await staffA.post('/api/v1/threads', {
      customerId: a.company.customer.id,
      leaseId: a.office.id,
      subject: 'Hej',
      body: 'Hej',
    });
    expect(threadA.statusCode).toBe(201);
    const threadId = threadA.json().id as string;

    const attempts = {
      // A case of landlord B about A's customer, lease and property.
      case: sql`insert into cases (landlord_id, number, customer_id, lease_id, property_id, type, title, description, reporter_kind, reporter_id, reporter_display_name)
                values (${b.landlord.id}, ${`X-${randomUUID()}`}, ${a.company.customer.id}, ${a.office.id}, ${a.property.id}, 'fault', 't', 'd', 'staff', ${b.admin.id}, 'x')`,
      caseOnOwnPropertyWithForeignLease: sql`insert into cases (landlord_id, number, customer_id, lease_id, property_id, type, title, description, reporter_kind, reporter_id, reporter_display_name)
                values (${b.landlord.id}, ${`X-${randomUUID()}`}, ${b.company.customer.id}, ${a.office.id}, ${b.property.id}, 'fault', 't', 'd', 'staff', ${b.admin.id}, 'x')`,
      assignToForeignStaff: sql`update cases set assignee_id = ${b.technician.id} where id = ${caseId}`,
      eventOnForeignCase: sql`insert into case_events (landlord_id, case_id, kind, author_kind, author_name, body)
                values (${b.landlord.id}, ${caseId}, 'public_reply', 'staff', 'x', 'leak')`,
      messageInForeignThread: sql`insert into messages (landlord_id, thread_id, author_kind, author_id, author_name, body)
                values (${b.landlord.id}, ${threadId}, 'staff', ${b.admin.id}, 'x', 'leak')`,
      leaseOfForeignUnit: sql`insert into leases (landlord_id, customer_id, unit_id, number, valid_from)
                values (${b.landlord.id}, ${b.company.customer.id}, ${a.units[0]!.id}, 'L-x', '2024-01-01')`,
      recipientOfForeignCustomer: sql`insert into case_recipients (landlord_id, case_id, customer_id) values (${a.landlord.id}, ${caseId}, ${b.company.customer.id})`,
      membershipWithForeignLandlord: sql`insert into portal_memberships (portal_user_id, customer_id, landlord_id, role)
                values (${b.companyUser.id}, ${a.household.customer.id}, ${b.landlord.id}, 'user')`,
      propertyManagedByForeignStaff: sql`update properties set manager_id = ${b.manager.id} where id = ${a.property.id}`,
    };
    const results = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([k, q]) => [k, await attempt(q)])));
    expect(results).toEqual(Object.fromEntries(Object.keys(attempts).map((k) => [k, '23503'])));

    // The same writes within one landlord are accepted, so the refusals above are about the landlord.
    expect(
      await attempt(sql`insert into case_events (landlord_id, case_id, kind, author_kind, author_name, body)
                        values (${a.landlord.id}, ${caseId}, 'internal_note', 'staff', 'x', 'fine')`),
    ).toBe('ok');
    expect(await attempt(sql`update cases set assignee_id = ${a.technician.id} where id = ${caseId}`)).toBe('ok');
  });
});
