import type { MandateKind, MandateStatus } from '@portico/shared/contracts/billing-core';
import type {
  Mandate,
  MandateCreate,
  MandateExport,
  MandateListQuery,
  MandatePage,
  MandateTerms,
  PortalMandate,
  PortalMandateOverview,
} from '@portico/shared/contracts/mandates';
import {
  autogiroMandateFile,
  betalingsserviceCsv,
  checkMandateInput,
  isPayerNumber,
  maskLast4,
} from '@portico/shared/formats/direct-debit';
import { currentMandateTerms, mandateKindOf } from '@portico/shared/mandate-terms';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { wantsEmail } from '../account/service';
import { billingToday } from '../billing/today';
import { listContacts } from '../customers/service';
import { emitEvent } from '../events/service';
import { assertMaySeeInvoices } from '../invoices/service';
import { queueEmail } from '../outbox/service';
import { canManageMandates, canReadMandates, type MandateAction, nextMandateStatus } from './policy';
import * as repo from './repo';

type LeaseRef = PortalMandate['lease'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toPortal(m: repo.MandateRow, lease: LeaseRef): PortalMandate {
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    lease,
    bankCode: m.bankCode,
    bankAccount: maskLast4(m.bankAccount),
    holderId: maskLast4(m.holderId),
    holderName: m.holderName,
    termsVersion: m.termsVersion,
    acceptedAt: m.acceptedAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
    activatedAt: iso(m.activatedAt),
    cancelledAt: iso(m.cancelledAt),
  };
}

function toStaff(row: { mandate: repo.MandateRow; customer: Mandate['customer']; lease: Mandate['lease'] }): Mandate {
  const m = row.mandate;
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    customer: row.customer,
    lease: row.lease,
    payerNumber: m.payerNumber,
    bankCode: m.bankCode,
    bankAccount: m.bankAccount,
    holderId: m.holderId,
    holderName: m.holderName,
    termsVersion: m.termsVersion,
    acceptedAt: m.acceptedAt.toISOString(),
    acceptedBy: m.acceptedBy,
    exportId: m.exportId,
    exportedAt: iso(m.exportedAt),
    activatedAt: iso(m.activatedAt),
    cancelledAt: iso(m.cancelledAt),
    cancelledBy: m.cancelledBy,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

async function requireLandlord(db: DbOrTx, landlordId: string) {
  const landlord = await repo.findLandlord(db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord;
}

async function emitUpdated(tx: DbOrTx, m: repo.MandateRow, previousStatus: MandateStatus | null) {
  await emitEvent(tx, m.landlordId, 'mandate.updated', {
    mandateId: m.id,
    customerId: m.customerId,
    leaseId: m.leaseId,
    kind: m.kind,
    status: m.status,
    previousStatus,
  });
}

/**
 * For RUN's billing run: the lease's active mandate, whose id a new notice carries in `mandate_id`
 * (collected on its due date, no Pay button). Null when the lease pays by itself.
 */
export const activeMandateIdOf = (db: DbOrTx, landlordId: string, leaseId: string) => repo.findActiveMandateId(db, landlordId, leaseId);

// --- Portal --------------------------------------------------------------------------------------

/** The current terms of a kind, with the payee details Bankgirot's mandate form asks for (§5.2). */
export async function getTerms(deps: Deps, actor: TenantActor, strongAuth: boolean, kind: MandateKind): Promise<MandateTerms> {
  assertMaySeeInvoices(actor, strongAuth);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const terms = currentMandateTerms(kind);
  const accounts = landlord.paymentAccounts;
  return {
    ...terms,
    payee: {
      name: landlord.brandName ?? landlord.name,
      account: (kind === 'autogiro' ? accounts.bankgiro : accounts.fiCreditor) ?? null,
      email: landlord.supportEmail,
      phone: landlord.supportPhone,
    },
  };
}

/** The customer's leases with their live mandate, and every mandate of the customer. */
export async function portalOverview(deps: Deps, actor: TenantActor, strongAuth: boolean): Promise<PortalMandateOverview> {
  assertMaySeeInvoices(actor, strongAuth);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const [leases, rows] = await Promise.all([
    repo.listCustomerLeases(deps.db, actor.landlordId, actor.customerId),
    repo.listCustomerMandates(deps.db, actor.landlordId, actor.customerId),
  ]);
  const mandates = rows.map((r) => toPortal(r.mandate, r.lease));
  return {
    kind: mandateKindOf(landlord.country),
    leases: leases.map((lease) => ({
      lease,
      mandate: mandates.find((m) => m.lease.id === lease.id && (m.status === 'pending' || m.status === 'active')) ?? null,
    })),
    mandates,
  };
}

/**
 * Decision 11M2: the payer number (Autogiro betalarnummer, Betalingsservice kundenummer) is the
 * lease's earlier payer number when it had a mandate before; else the digits of the lease number
 * when they make 1–16 digits no other lease uses; else the landlord's highest number + 1.
 */
async function choosePayerNumber(tx: DbOrTx, landlordId: string, lease: { id: string; number: string }) {
  const earlier = await repo.previousPayerNumber(tx, landlordId, lease.id);
  if (earlier) return earlier;
  const digits = lease.number.replace(/\D/g, '').replace(/^0+/, '');
  if (isPayerNumber(digits) && !(await repo.payerNumberTaken(tx, landlordId, digits, lease.id))) return digits;
  const next = (await repo.maxPayerNumber(tx, landlordId)) + 1n;
  return String(next > 1000n ? next : 1001n);
}

export async function createMandate(deps: Deps, actor: TenantActor, strongAuth: boolean, input: MandateCreate): Promise<PortalMandate> {
  assertMaySeeInvoices(actor, strongAuth);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  if (input.kind !== mandateKindOf(landlord.country)) throw new AppError(422, 'mandate_kind_not_offered');
  const lease = await repo.findCustomerLease(deps.db, actor.landlordId, actor.customerId, input.leaseId);
  if (!lease) throw notFound('lease');
  if (!input.acceptTerms) throw new AppError(422, 'mandate_terms_not_accepted');
  if (input.termsVersion !== currentMandateTerms(input.kind).version) throw new AppError(422, 'mandate_terms_outdated');
  const checked = checkMandateInput(input.kind, input);
  if (!checked.ok) throw badRequest(checked.problem);
  const { bankCode, bankAccount, holderId, warnings } = checked.value;

  const mandate = await deps.db.transaction(async (tx) => {
    await repo.lockLandlordMandates(tx, actor.landlordId);
    if (await repo.findLiveMandate(tx, actor.landlordId, lease.id)) throw conflict('mandate_exists');
    const payerNumber = await choosePayerNumber(tx, actor.landlordId, lease);
    const now = new Date();
    const row = await repo.insertMandate(tx, {
      landlordId: actor.landlordId,
      customerId: actor.customerId,
      leaseId: lease.id,
      kind: input.kind,
      status: 'pending',
      payerNumber,
      bankCode,
      bankAccount,
      holderId,
      holderName: input.holderName,
      termsVersion: input.termsVersion,
      acceptedAt: now,
      acceptedBy: actor.id,
    });
    await emitUpdated(tx, row, null);
    return row;
  });
  return { ...toPortal(mandate, lease), ...(warnings.length ? { warnings } : {}) };
}

export async function cancelByTenant(deps: Deps, actor: TenantActor, strongAuth: boolean, mandateId: string): Promise<PortalMandate> {
  assertMaySeeInvoices(actor, strongAuth);
  const row = await deps.db.transaction(async (tx) => {
    const found = await repo.findMandate(tx, actor.landlordId, mandateId, { forUpdate: true });
    if (!found || found.mandate.customerId !== actor.customerId) throw notFound('mandate');
    return transition(tx, deps, found.mandate, 'cancel', 'tenant');
  });
  const lease = await repo.findCustomerLease(deps.db, actor.landlordId, actor.customerId, row.leaseId);
  if (!lease) throw notFound('lease');
  return toPortal(row, lease);
}

// --- Staff ---------------------------------------------------------------------------------------

function assertRead(actor: StaffActor) {
  if (!canReadMandates(actor)) throw forbidden();
}
function assertManage(actor: StaffActor) {
  if (!canManageMandates(actor)) throw forbidden();
}

export async function listMandates(deps: Deps, actor: StaffActor, query: MandateListQuery): Promise<MandatePage> {
  assertRead(actor);
  const { items, ...page } = await repo.listMandates(deps.db, actor.landlordId, query, query);
  return { ...page, items: items.map(toStaff) };
}

export async function getMandate(deps: Deps, actor: StaffActor, mandateId: string): Promise<Mandate> {
  assertRead(actor);
  const row = await repo.findMandate(deps.db, actor.landlordId, mandateId);
  if (!row) throw notFound('mandate');
  return toStaff(row);
}

/**
 * One status change in the caller's transaction: the notices follow (activation attaches the lease's
 * open notices not yet due; cancellation detaches those not yet collected), `mandate.updated` is
 * emitted, and the customer's contacts hear of an activation or a cancellation by staff.
 */
async function transition(tx: DbOrTx, deps: Deps, m: repo.MandateRow, action: MandateAction, by: 'tenant' | 'staff') {
  const next = nextMandateStatus(m.status, action);
  if (!next) throw conflict(action === 'cancel' ? 'mandate_not_live' : 'mandate_not_pending');
  const now = new Date();
  const row = await repo.updateMandate(tx, m.landlordId, m.id, {
    status: next,
    ...(next === 'active' ? { activatedAt: now } : {}),
    ...(next === 'cancelled' ? { cancelledAt: now, cancelledBy: by } : {}),
  });
  if (next === 'active') await repo.attachToOpenNotices(tx, m.landlordId, m.leaseId, m.id, billingToday(now));
  if (next === 'cancelled') await repo.detachFromOpenNotices(tx, m.landlordId, m.id);
  await emitUpdated(tx, row, m.status);
  if (next === 'active' || (next === 'cancelled' && by === 'staff')) await notifyCustomer(tx, deps, row, next);
  return row;
}

async function notifyCustomer(tx: DbOrTx, deps: Deps, m: repo.MandateRow, status: 'active' | 'cancelled') {
  const landlord = await requireLandlord(tx, m.landlordId);
  const found = await repo.findMandate(tx, m.landlordId, m.id);
  const contacts = await listContacts(tx, m.landlordId, m.customerId);
  for (const contact of contacts) {
    if (!contact.email) continue;
    // The "invoices" preference covers money e-mails; the portal still shows the change.
    if (contact.portalUserId && !wantsEmail(contact.portalUserPrefs, 'invoices')) continue;
    await queueEmail(tx, m.landlordId, {
      template: 'mandate_updated',
      to: contact.email,
      locale: contact.portalUserLocale ?? contact.locale ?? landlord.defaultLocale,
      landlordName: landlord.brandName ?? landlord.name,
      kind: m.kind,
      status,
      leaseNumber: found?.lease.number ?? '',
      ...(landlord.portalEnabled ? { link: `${deps.config.tenantWebUrl}/invoices/direct-debit` } : {}),
    });
  }
}

export async function changeStatus(deps: Deps, actor: StaffActor, mandateId: string, action: MandateAction): Promise<Mandate> {
  assertManage(actor);
  await deps.db.transaction(async (tx) => {
    const found = await repo.findMandate(tx, actor.landlordId, mandateId, { forUpdate: true });
    if (!found) throw notFound('mandate');
    await transition(tx, deps, found.mandate, action, 'staff');
  });
  return getMandate(deps, actor, mandateId);
}

/**
 * Every pending mandate of a kind not yet exported, as the file the bank takes (decision 11M3):
 * Autogiro → the medgivande file (TK01 + TK04s) for Bankgirot; Betalingsservice → the CSV for the
 * landlord's bank. The mandates get `exported_at`; the file is kept for a later download.
 */
export async function exportMandates(deps: Deps, actor: StaffActor, input: MandateExport) {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const bankgiro = landlord.paymentAccounts.bankgiro;
  if (input.kind === 'autogiro') {
    if (!bankgiro) throw new AppError(422, 'mandate_no_bankgiro');
    if (!input.customerNumber) throw badRequest('mandate_no_customer_number');
  }
  return deps.db.transaction(async (tx) => {
    const rows = await repo.pickForExport(tx, actor.landlordId, input.kind);
    if (!rows.length) throw new AppError(422, 'mandate_nothing_to_export');
    const now = new Date();
    const today = billingToday(now);
    const content =
      input.kind === 'autogiro'
        ? autogiroMandateFile(
            { date: today, customerNumber: input.customerNumber!, bankgiro: bankgiro! },
            rows.map((m) => ({ payerNumber: m.payerNumber, clearing: m.bankCode, account: m.bankAccount, holderId: m.holderId })),
          )
        : betalingsserviceCsv(
            rows.map((m) => ({
              payerNumber: m.payerNumber,
              holderId: m.holderId,
              regNo: m.bankCode,
              account: m.bankAccount,
              holderName: m.holderName,
              createdOn: billingToday(m.createdAt),
            })),
          );
    const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const fileName = input.kind === 'autogiro' ? `autogiro-medgivanden-${stamp}.txt` : `betalingsservice-aftaler-${stamp}.csv`;
    const exp = await repo.insertExport(tx, {
      landlordId: actor.landlordId,
      kind: input.kind,
      fileName,
      content,
      mandateCount: rows.length,
      createdBy: actor.id,
    });
    await repo.markExported(
      tx,
      actor.landlordId,
      rows.map((m) => m.id),
      exp.id,
      now,
    );
    return exp;
  });
}

export async function getExport(deps: Deps, actor: StaffActor, exportId: string) {
  assertManage(actor);
  const exp = await repo.findExport(deps.db, actor.landlordId, exportId);
  if (!exp) throw notFound('mandate_export');
  return exp;
}
