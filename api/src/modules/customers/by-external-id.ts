import type { BulkResult } from '@portico/shared/contracts/bulk';
import { type CustomerDetail, type CustomerPut, CustomerUpsertSchema } from '@portico/shared/contracts/customers';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor } from '../../actors';
import { runBulk } from '../../bulk';
import type { Deps } from '../../deps';
import { assertManage } from './common';
import { getCustomer, upsertCustomerByExternalId } from './service';

/**
 * `PUT /customers/by-external-id/{externalId}` (issue 10, §2): the import's upsert — contacts matched
 * by e-mail within the customer (by name without one), contacts not sent are kept (decision 9C5).
 */
export async function putCustomerByExternalId(
  deps: Deps,
  actor: StaffActor,
  externalId: string,
  body: CustomerPut,
): Promise<{ created: boolean; record: CustomerDetail }> {
  const { id, outcome } = await upsertCustomerByExternalId(deps.db, actor, { ...body, externalId });
  return { created: outcome === 'created', record: await getCustomer(deps, actor, id) };
}

export async function bulkUpsertCustomers(
  deps: Deps,
  actor: StaffActor,
  items: unknown[],
  ctx: { locale: Locale; onUnexpected?: (err: unknown, index: number) => void },
): Promise<BulkResult> {
  assertManage(actor);
  return runBulk(items, { schema: CustomerUpsertSchema, upsert: (input) => upsertCustomerByExternalId(deps.db, actor, input), ...ctx });
}
