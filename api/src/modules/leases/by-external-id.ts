import type { BulkResult } from '@portico/shared/contracts/bulk';
import { type LeaseDetail, type LeasePut, LeaseUpsertSchema } from '@portico/shared/contracts/leases';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor } from '../../actors';
import { runBulk } from '../../bulk';
import type { Deps } from '../../deps';
import { forbidden } from '../../errors';
import { canManageLeases } from './policy';
import { getLease } from './service';
import { upsertLeaseByExternalId } from './upsert';

/**
 * `PUT /leases/by-external-id/{externalId}` (issue 10, §2): the customer and the units named by
 * their external ids; rent lines sent replace the stored ones.
 */
export async function putLeaseByExternalId(
  deps: Deps,
  actor: StaffActor,
  externalId: string,
  body: LeasePut,
): Promise<{ created: boolean; record: LeaseDetail }> {
  const { id, outcome } = await upsertLeaseByExternalId(deps.db, actor, { ...body, externalId });
  return { created: outcome === 'created', record: await getLease(deps, actor, id) };
}

export async function bulkUpsertLeases(
  deps: Deps,
  actor: StaffActor,
  items: unknown[],
  ctx: { locale: Locale; onUnexpected?: (err: unknown, index: number) => void },
): Promise<BulkResult> {
  if (!canManageLeases(actor)) throw forbidden();
  return runBulk(items, { schema: LeaseUpsertSchema, upsert: (input) => upsertLeaseByExternalId(deps.db, actor, input), ...ctx });
}
