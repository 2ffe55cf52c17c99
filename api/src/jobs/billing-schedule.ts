import type { Deps } from '../deps';
import { runScheduledBilling } from '../modules/billing/runs';

/**
 * One pass of the billing schedule (issue 11, decision 11R4), run by the worker on a timer: every
 * landlord whose `schedule_day` has come this month gets the next month billed, once. Idempotent:
 * two workers or a retried pass find the scheduled run recorded under the landlord's series lock.
 */
export async function runBillingSchedule(deps: Pick<Deps, 'db'>, now = new Date()) {
  return runScheduledBilling(deps, now);
}
