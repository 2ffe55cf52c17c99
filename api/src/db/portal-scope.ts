import { type SQL, sql } from 'drizzle-orm';

/**
 * Seed 001's pilot (decision 9T6): with the landlord's portal scope `selected`, a customer may use the
 * portal only with a current lease (active or terminated) with a unit (any of its units) in a property whose portal flag
 * is on. `landlord` and `customerId` are SQL references in the caller's query (aliases allowed).
 * The one place this rule is written; every portal gate calls it.
 */
export function portalScopeAllows(landlordScope: SQL, customerId: SQL) {
  return sql`(${landlordScope} = 'all' or exists (
    select 1 from leases pl
    join lease_units plu on plu.landlord_id = pl.landlord_id and plu.lease_id = pl.id
    join units pu on pu.landlord_id = plu.landlord_id and pu.id = plu.unit_id
    join properties pp on pp.landlord_id = pu.landlord_id and pp.id = pu.property_id
    where pl.customer_id = ${customerId} and pl.status in ('active', 'terminated') and pp.portal_enabled))`;
}
