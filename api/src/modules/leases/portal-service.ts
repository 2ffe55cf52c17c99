import {
  PORTAL_LEASE_CASES_SHOWN,
  type PortalLeaseCopyRequested,
  type PortalLeaseDetail,
  type PortalLeaseListQuery,
  type PortalLeasePage,
  type PortalLeaseSummary,
} from '@portico/shared/contracts/leases';
import type { Locale } from '@portico/shared/locale';
import type { TenantActor } from '../../actors';
import type { Deps } from '../../deps';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { translator } from '../../i18n';
import { listMemberships } from '../auth/service';
import { createCase, listLeaseCases, prefill } from '../cases/service';
import { listAttachments } from '../files/service';
import { findLandlord } from '../settings/service';
import { asNumber, rentTotals } from './common';
import { leaseMoneyRestriction } from './policy';
import * as portalRepo from './portal-repo';
import * as repo from './repo';

/** Leases in the tenant portal (issue 11, seeds 001 and 002): the customer the person acts for, every role. */

const ownerOf = (actor: TenantActor): portalRepo.LeaseOwner => ({ landlordId: actor.landlordId, customerId: actor.customerId });

const area = (v: string | null) => {
  const n = asNumber(v);
  return n === null ? null : Math.round(n * 100) / 100;
};

function summaryOf(row: {
  lease: portalRepo.LeaseRowForPortal;
  customerName: string;
  address: string | null;
  areaM2: string | null;
}): PortalLeaseSummary {
  return {
    id: row.lease.id,
    number: row.lease.number,
    type: row.lease.type,
    status: row.lease.status,
    tenant: row.customerName,
    address: row.address ?? '',
    areaM2: area(row.areaM2),
    validFrom: row.lease.validFrom,
    validTo: row.lease.validTo,
  };
}

export async function listPortalLeases(deps: Deps, actor: TenantActor, query: PortalLeaseListQuery): Promise<PortalLeasePage> {
  const page = await portalRepo.listPortalLeases(deps.db, ownerOf(actor), query);
  return { ...page, items: page.items.map(summaryOf) };
}

async function requirePortalLease(deps: Deps, actor: TenantActor, leaseId: string) {
  // Another customer's or another landlord's lease does not exist for this person.
  const found = await portalRepo.findPortalLease(deps.db, ownerOf(actor), leaseId);
  if (!found) throw notFound('lease');
  return found;
}

const signedPdfOf = async (deps: Deps, landlordId: string, leaseId: string) =>
  (await listAttachments(deps.db, landlordId, 'leaseId', [leaseId])).at(-1);

export async function getPortalLease(deps: Deps, actor: TenantActor, strongAuth: boolean, leaseId: string): Promise<PortalLeaseDetail> {
  const found = await requirePortalLease(deps, actor, leaseId);
  const { lease } = found;
  const restricted = leaseMoneyRestriction(actor, strongAuth);
  const [units, pdf, cases, rent] = await Promise.all([
    portalRepo.listPortalLeaseUnits(deps.db, { landlordId: actor.landlordId, leaseId, mainUnitId: lease.unitId }),
    signedPdfOf(deps, actor.landlordId, leaseId),
    listLeaseCases(deps, actor, leaseId, PORTAL_LEASE_CASES_SHOWN),
    restricted ? null : rentOf(deps, actor.landlordId, leaseId),
  ]);
  return {
    ...summaryOf(found),
    units: units.map((u) => ({ id: u.id, number: u.number, type: u.type, address: u.address, areaM2: area(u.areaM2), floor: u.floor })),
    noticePeriodMonths: lease.noticePeriodMonths,
    noticeDate: lease.noticeDate,
    rent,
    restricted,
    signedPdf: pdf ? { filename: pdf.filename, size: pdf.size } : null,
    cases: {
      items: cases.items.map((c) => ({ id: c.id, number: c.number, title: c.title, status: c.status, createdAt: c.createdAt })),
      total: cases.total,
      totalCapped: cases.totalCapped,
    },
  };
}

async function rentOf(deps: Deps, landlordId: string, leaseId: string): Promise<PortalLeaseDetail['rent']> {
  const [lines, landlord] = await Promise.all([repo.listRentLines(deps.db, { landlordId, leaseId }), findLandlord(deps.db, landlordId)]);
  const rentLines = lines.map((l) => ({
    id: l.id,
    kind: l.kind,
    description: l.description,
    amountMinor: l.amountMinor,
    vatRate: l.vatRate,
  }));
  // The currency as the console's lease page shows it (the landlord's country).
  return { currency: landlord?.country === 'DK' ? 'DKK' : 'SEK', lines: rentLines, totals: rentTotals(rentLines) };
}

/**
 * The signed PDF, for a plain link (no customer header): the lease is looked for among every
 * customer the person belongs to, and the money rule applies with their role in that customer.
 */
export async function openSignedPdf(deps: Deps, actor: TenantActor, strongAuth: boolean, leaseId: string) {
  const memberships = await listMemberships(deps.db, actor.id);
  const lease = await portalRepo.findLeaseOfOwners(
    deps.db,
    memberships.map((m) => ({ landlordId: m.landlord.id, customerId: m.customerId })),
    leaseId,
  );
  const member = lease && memberships.find((m) => m.landlord.id === lease.landlordId && m.customerId === lease.customerId);
  if (!lease || !member) throw notFound('lease');
  const restricted = leaseMoneyRestriction(
    { role: member.role, invoicesRequireStrongAuth: member.landlord.invoicesRequireStrongAuth },
    strongAuth,
  );
  if (restricted === 'role') throw forbidden();
  if (restricted === 'strong_auth') throw new AppError(403, 'strong_auth_required');
  const pdf = await signedPdfOf(deps, lease.landlordId, lease.id);
  if (!pdf) throw notFound('attachment');
  return { pdf, number: lease.number, stream: deps.storage.read(pdf.storageKey) };
}

/**
 * Seed 001: "if your lease was signed on paper, ask for a copy by sending a case". Opens an inquiry
 * about the lease through the cases service, as the portal's "New case" does (prefilled place and
 * contact, the reporter follows it and gets the confirmation), titled in the person's language.
 * Refused while a signed PDF is there to download.
 */
export async function requestCopy(deps: Deps, actor: TenantActor, leaseId: string, locale: Locale): Promise<PortalLeaseCopyRequested> {
  const { lease, address } = await requirePortalLease(deps, actor, leaseId);
  if (await signedPdfOf(deps, actor.landlordId, leaseId)) throw conflict('lease_copy_available');
  const t = translator(locale);
  const place = await prefill(deps, actor, leaseId);
  const created = await createCase(deps, actor, {
    ...place,
    type: 'inquiry',
    title: t('leases:copyRequest.title', { number: lease.number }),
    description: t('leases:copyRequest.description', { number: lease.number, address: address ?? '' }),
    leaseId,
    agreementNumber: lease.number,
    masterKeyAllowed: false,
    attachmentIds: [],
  });
  return { caseId: created.id };
}
