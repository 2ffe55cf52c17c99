import { randomUUID } from 'node:crypto';
import type {
  LandlordSettings,
  LandlordSettingsPatch,
  PortalBranding,
  PortalLandlordInfo,
  SupportContacts,
} from '@portico/shared/contracts/settings';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound, tooLarge, unsupported } from '../../errors';
import { ensureDefaultHelpArticles } from '../help/default-articles';
import { type ChangeActor, recordChange } from '../history/service';
import { canChangeSettings, canReadSettings } from './policy';
import { findLandlord, insertLandlord, type LandlordRow, updateLandlord } from './repo';

export { findLandlord };

export function toSettings(landlord: LandlordRow): LandlordSettings {
  return {
    name: landlord.name,
    country: landlord.country,
    portalEnabled: landlord.portalEnabled,
    portalScope: landlord.portalScope,
    passwordPolicy: landlord.passwordPolicy,
    defaultLocale: landlord.defaultLocale,
    invoicesRequireStrongAuth: landlord.invoicesRequireStrongAuth,
    orgNumber: landlord.orgNumber,
    paymentAccounts: landlord.paymentAccounts ?? {},
    smsSender: landlord.smsSender,
    brandName: landlord.brandName,
    brandColour: landlord.brandColour,
    hasLogo: Boolean(landlord.logoKey),
    supportEmail: landlord.supportEmail,
    supportPhone: landlord.supportPhone,
    usefulLinks: landlord.usefulLinks ?? [],
  };
}

/** What the history records of the settings: everything shown, the logo as present or not. */
const historyFields = (s: LandlordSettings) => ({ ...s });

export async function getSettings(deps: Deps, actor: StaffActor): Promise<LandlordSettings> {
  if (!canReadSettings(actor)) throw forbidden();
  const landlord = await findLandlord(deps.db, actor.landlordId);
  if (!landlord) throw notFound('landlord');
  return toSettings(landlord);
}

/**
 * Organisation settings are the administrator's (seed 000: Organisationer → Indstillinger). Payment
 * accounts merge field by field (null removes one); useful links are replaced as a whole list.
 */
export async function updateSettings(deps: Deps, actor: StaffActor, patch: LandlordSettingsPatch) {
  if (!canChangeSettings(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const landlord = await findLandlord(tx, actor.landlordId, true);
    if (!landlord) throw notFound('landlord');
    const before = toSettings(landlord);
    const { paymentAccounts, ...rest } = patch;
    const merged = paymentAccounts ? mergeAccounts(landlord.paymentAccounts ?? {}, paymentAccounts) : undefined;
    await updateLandlord(tx, actor.landlordId, { ...rest, ...(merged ? { paymentAccounts: merged } : {}) });
    const after = toSettings((await findLandlord(tx, actor.landlordId))!);
    await recordChange(tx, actor, {
      recordType: 'settings',
      recordId: actor.landlordId,
      action: 'updated',
      before: historyFields(before),
      after: historyFields(after),
    });
    return after;
  });
}

function mergeAccounts(stored: Record<string, string>, patch: Record<string, string | null | undefined>) {
  const next: Record<string, string> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The SMS sender id a landlord's SMS go out with, or null for the service default. */
export async function smsSenderOf(db: DbOrTx, landlordId: string) {
  return (await findLandlord(db, landlordId))?.smsSender ?? null;
}

/**
 * Issue 12 SHELL: the landlord's branding for an e-mail's header, read when the e-mail goes out (like
 * the SMS sender): the display name, the brand colour and the stored logo, if any.
 */
export async function emailBrandOf(db: DbOrTx, landlordId: string) {
  const landlord = await findLandlord(db, landlordId);
  if (!landlord) return null;
  return {
    displayName: landlord.brandName ?? landlord.name,
    colour: landlord.brandColour,
    logo: landlord.logoKey && landlord.logoType ? { key: landlord.logoKey, contentType: landlord.logoType } : null,
  };
}

// --- logo ------------------------------------------------------------------------------

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_LOGO_BYTES = 512 * 1024;

/** Stores a new logo (sniffed: PNG, JPEG or WebP, never SVG, which can carry script) and drops the old file. */
export async function setLogo(deps: Deps, actor: StaffActor, data: Buffer) {
  if (!canChangeSettings(actor)) throw forbidden();
  if (data.length > MAX_LOGO_BYTES) throw tooLarge('upload_too_large', { maxMb: MAX_LOGO_BYTES / 1024 / 1024 });
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(data);
  if (!sniffed || !(LOGO_TYPES as readonly string[]).includes(sniffed.mime)) throw unsupported('upload_type_not_allowed');
  const key = randomUUID();
  await deps.storage.put(key, data);
  const old = await deps.db.transaction(async (tx) => {
    const landlord = await findLandlord(tx, actor.landlordId, true);
    if (!landlord) throw notFound('landlord');
    await updateLandlord(tx, actor.landlordId, { logoKey: key, logoType: sniffed.mime });
    await recordChange(tx, actor, {
      recordType: 'settings',
      recordId: actor.landlordId,
      action: 'updated',
      before: { logo: landlord.logoKey ? 'set' : null },
      after: { logo: `new ${sniffed.ext.toUpperCase()}` },
    });
    return landlord.logoKey;
  });
  if (old) await deps.storage.remove(old);
  return getSettings(deps, actor);
}

export async function removeLogo(deps: Deps, actor: StaffActor) {
  if (!canChangeSettings(actor)) throw forbidden();
  const old = await deps.db.transaction(async (tx) => {
    const landlord = await findLandlord(tx, actor.landlordId, true);
    if (!landlord) throw notFound('landlord');
    if (!landlord.logoKey) return null;
    await updateLandlord(tx, actor.landlordId, { logoKey: null, logoType: null });
    await recordChange(tx, actor, {
      recordType: 'settings',
      recordId: actor.landlordId,
      action: 'updated',
      before: { logo: 'set' },
      after: { logo: null },
    });
    return landlord.logoKey;
  });
  if (old) await deps.storage.remove(old);
  return getSettings(deps, actor);
}

/** The logo file of a landlord (the caller's own: staff, or a tenant's landlord). */
export async function openLogo(deps: Deps, landlordId: string) {
  const landlord = await findLandlord(deps.db, landlordId);
  if (!landlord?.logoKey || !landlord.logoType) throw notFound('upload');
  return { contentType: landlord.logoType, stream: deps.storage.read(landlord.logoKey) };
}

// --- what tenants see ---------------------------------------------------------------------

export async function getPortalLandlordInfo(deps: Deps, actor: TenantActor): Promise<PortalLandlordInfo> {
  const landlord = await findLandlord(deps.db, actor.landlordId);
  if (!landlord) throw notFound('landlord');
  return {
    landlordId: landlord.id,
    displayName: landlord.brandName ?? landlord.name,
    brandColour: landlord.brandColour,
    logoUrl: landlord.logoKey ? '/api/v1/portal/landlord/logo' : null,
    supportEmail: landlord.supportEmail,
    supportPhone: landlord.supportPhone,
    usefulLinks: landlord.usefulLinks ?? [],
  };
}

/**
 * Before sign-in, by landlord id (the portal's sign-in help page at `/sign-in-help?landlord=<id>`,
 * the link tenants find in their landlord's e-mails): the support contacts are public information,
 * like a contact page, and an unknown id or a landlord with the portal off answers 404 (decision 9T5).
 */
export async function getPublicSupport(deps: Deps, landlordId: string): Promise<SupportContacts> {
  const landlord = await findLandlord(deps.db, landlordId);
  if (!landlord?.portalEnabled) throw notFound('landlord');
  return {
    contacts: [
      { displayName: landlord.brandName ?? landlord.name, supportEmail: landlord.supportEmail, supportPhone: landlord.supportPhone },
    ],
  };
}

/**
 * Issue 12 SHELL: the sign-in page's branding by landlord id (`/login?landlord=<id>`). Public like the
 * support contacts above; an unknown id or a landlord with the portal off answers 404.
 */
export async function getPublicBranding(deps: Deps, landlordId: string): Promise<PortalBranding> {
  const landlord = await findLandlord(deps.db, landlordId);
  if (!landlord?.portalEnabled) throw notFound('landlord');
  return {
    landlordId: landlord.id,
    displayName: landlord.brandName ?? landlord.name,
    brandColour: landlord.brandColour,
    logoUrl: landlord.logoKey ? `/api/v1/auth/portal/branding/${landlord.id}/logo` : null,
  };
}

/** The logo for the sign-in page: only for a landlord whose portal is on (404 otherwise). */
export async function openPublicLogo(deps: Deps, landlordId: string) {
  const landlord = await findLandlord(deps.db, landlordId);
  if (!landlord?.portalEnabled) throw notFound('landlord');
  return openLogo(deps, landlordId);
}

// --- a new landlord -------------------------------------------------------------------------

/**
 * Creates a landlord (section 4) in the caller's transaction and records its settings' creation.
 * The portal starts switched off: the admin turns it on in the console when the data is in.
 */
export async function createLandlord(
  tx: DbOrTx,
  actor: (landlordId: string) => ChangeActor,
  input: { name: string; country: 'SE' | 'DK'; defaultLocale: Locale },
) {
  const landlord = await insertLandlord(tx, { ...input, portalEnabled: false });
  // Issue 12 (HELP): every new landlord starts with the default help articles in sv, da and en.
  await ensureDefaultHelpArticles(tx, landlord.id);
  await recordChange(tx, actor(landlord.id), {
    recordType: 'settings',
    recordId: landlord.id,
    action: 'created',
    after: historyFields(toSettings(landlord)),
  });
  return landlord;
}
