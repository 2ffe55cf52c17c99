import type { ApiScope } from '@portico/shared/contracts/api-scopes';
import type { PortalRole, StaffRole } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';

export type StaffActor = {
  kind: 'staff';
  id: string;
  landlordId: string;
  role: StaffRole;
  name: string;
  email: string;
  /**
   * Set when an integrator's API key makes the request (issue 10): the key acts for the landlord
   * within its scopes, `id` is the staff user who created it (for columns that name a staff user)
   * and `name` the key's name; the record history names the key itself.
   */
  apiKey?: {
    id: string;
    name: string /** The key's scopes, for rules finer than the route's area (files). */;
    scopes?: readonly ApiScope[];
  };
};

/** A portal user acting for one of their customers (chosen per request). */
export type TenantActor = {
  kind: 'tenant';
  id: string;
  name: string;
  email: string;
  customerId: string;
  landlordId: string;
  role: PortalRole;
  invoicesRequireStrongAuth: boolean;
};

export type Actor = StaffActor | TenantActor;

declare module 'fastify' {
  interface FastifyRequest {
    /** The language answers and errors use: the user's choice, else the landlord's default. */
    locale?: Locale;
    staff?: StaffActor;
    tenant?: TenantActor;
    portalUserId?: string;
    /** The session family (device) of the access token. */
    sessionFamilyId?: string;
    /** This session signed in, or stepped up, with e-ID. */
    strongAuth?: boolean;
  }
}
