import type { Stats } from '@portico/shared/contracts/cases';
import { NO_CASES } from '@portico/shared/months';
import type { Actor } from '../../actors';
import type { Deps } from '../../deps';
import { forbidden } from '../../errors';
import { findLandlord } from '../settings/service';
import { CURRENCY, viewerOf } from './common';
import { canSeeStats } from './policy';
import * as repo from './repo';

export async function stats(
  deps: Deps,
  actor: Actor,
  query: { groupBy: 'month' | 'property' | 'type' | 'status'; from?: string | undefined; to?: string | undefined },
): Promise<Stats> {
  if (!canSeeStats(actor)) throw forbidden();
  const filters = { from: query.from, to: query.to };
  const [rows, [totals], landlord] = await Promise.all([
    repo.caseStats(deps.db, viewerOf(actor), query.groupBy, filters),
    repo.caseStats(deps.db, viewerOf(actor), 'total', filters),
    findLandlord(deps.db, actor.landlordId),
  ]);
  const { key: _k, label: _l, ...total } = totals ?? { key: '', label: '', ...NO_CASES };
  return { groupBy: query.groupBy, currency: CURRENCY[landlord?.country ?? 'SE'], rows, totals: total };
}
