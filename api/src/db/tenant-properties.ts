import { type SQL, sql } from 'drizzle-orm';

/**
 * The properties a tenant customer "is in" for the portal's content (issue 12): those where one of
 * `customerIds` has a current lease (active or terminated: notice given, not yet moved out) with any
 * of its units. Operational notices, posts, property documents and the property page all ask this;
 * it is the one place the rule is written. Returns a subquery of property ids for `in (...)`.
 */
export function customerPropertyIds(landlordId: string, customerIds: readonly string[]): SQL {
  if (!customerIds.length) return sql`(select null::uuid where false)`;
  return sql`(select tu.property_id from leases tl
    join lease_units tlu on tlu.landlord_id = tl.landlord_id and tlu.lease_id = tl.id
    join units tu on tu.landlord_id = tlu.landlord_id and tu.id = tlu.unit_id
    where tl.landlord_id = ${landlordId} and tl.customer_id in (${sql.join(
      customerIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and tl.status in ('active', 'terminated'))`;
}

/**
 * The same rule read the other way (issue 12, OPS: an urgent notice's recipients): the customers
 * "in" any of the properties `propertyIds` names (a subquery of property ids), or in any of the
 * landlord's properties when it is null. Returns a subquery of customer ids for `in (...)`.
 */
export function propertyCustomerIds(landlordId: string, propertyIds: SQL | null): SQL {
  return sql`(select tl.customer_id from leases tl
    join lease_units tlu on tlu.landlord_id = tl.landlord_id and tlu.lease_id = tl.id
    join units tu on tu.landlord_id = tlu.landlord_id and tu.id = tlu.unit_id
    where tl.landlord_id = ${landlordId} and tl.status in ('active', 'terminated')${
      propertyIds ? sql` and tu.property_id in ${propertyIds}` : sql``
    })`;
}
