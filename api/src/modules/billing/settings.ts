import type { BillingSettings, BillingSettingsPatch } from '@portico/shared/contracts/billing';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, notFound } from '../../errors';
import { assertMayManageBilling, assertMayReadBilling } from './policy';
import * as repo from './repo';

/**
 * The landlord's billing settings; the row is created on first use with the country's defaults
 * (Sweden: SEK, due the last weekday before the period; Denmark: DKK, due its first weekday; OCR with
 * a length digit). `lock` takes the row FOR UPDATE: the number series is in it, so whoever takes
 * numbers locks it in the transaction that writes them (decision 11R1).
 */
export async function getBillingSettings(tx: DbOrTx, landlordId: string, opts: { lock?: boolean } = {}) {
  const existing = await repo.readSettings(tx, { landlordId, lock: opts.lock ?? false });
  if (existing) return existing;
  const landlord = await repo.findLandlord(tx, { landlordId });
  if (!landlord) throw notFound('landlord');
  const dk = landlord.country === 'DK';
  await repo.ensureSettings(tx, {
    landlordId,
    currency: dk ? 'DKK' : 'SEK',
    dueRule: dk ? 'first_weekday_of' : 'last_weekday_before',
    ocrControl: 'length',
  });
  return (await repo.readSettings(tx, { landlordId, lock: opts.lock ?? false }))!;
}

const presentSettings = (s: repo.SettingsRow): BillingSettings => ({
  currency: s.currency,
  ocrControl: s.ocrControl,
  ocrFixedLengths: s.ocrFixedLengths,
  dueRule: s.dueRule,
  reminderDays: s.reminderDays,
  scheduleDay: s.scheduleDay,
  attachPdf: s.attachPdf,
  nextNumber: s.nextNumber,
});

export async function readSettings(deps: Deps, actor: StaffActor) {
  assertMayReadBilling(actor);
  return presentSettings(await getBillingSettings(deps.db, actor.landlordId));
}

export async function updateSettings(deps: Deps, actor: StaffActor, patch: BillingSettingsPatch) {
  assertMayManageBilling(actor);
  return deps.db.transaction(async (tx) => {
    const current = await getBillingSettings(tx, actor.landlordId, { lock: true });
    const control = patch.ocrControl ?? current.ocrControl;
    const lengths = patch.ocrFixedLengths ?? current.ocrFixedLengths;
    // A fixed OCR length names one or two lengths (STANDARDS §1.2); the other rules need none.
    if (control === 'fixed' && (lengths.length < 1 || lengths.length > 2)) throw badRequest('billing_ocr_lengths_invalid');
    const row = await repo.updateSettings(
      tx,
      { landlordId: actor.landlordId },
      { ...patch, ocrFixedLengths: control === 'fixed' ? lengths : [] },
    );
    return presentSettings(row);
  });
}
