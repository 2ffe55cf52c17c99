/**
 * The authorisation matrix: every route of the live route table × four actors who must not get
 * the victim's data — nobody signed in, staff of another landlord, a portal user of another
 * customer, and a lower role of the victim's own landlord or customer. Each actor aims at real
 * resources of the victim (landlord A's company customer). A route without an entry fails.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertInvoice, insertPortalUser } from '../src/db/fixtures';

import { leases } from '../src/db/schema/leases';
import { outbox } from '../src/db/schema/outbox';
import { recordChange } from '../src/modules/history/service';
import { Client, createTestApp, eq, makeLandlord, PASSWORD, PNG, signIn, uniquePersonalNumber } from './helpers';

/**
 * What an actor must get:
 * - 401 / 403 / 404: exactly that status (404 = the victim's resource does not exist for them);
 * - 'own': a 2xx about the actor's own data, holding nothing of the victim;
 * - 'passes': past authentication and authorisation (no 401/403, no 5xx) with nothing of the victim —
 *   for a route whose outcome is a business answer (a wrong token, a refused password);
 * - 'allowed': a 2xx; the actor may do this to the victim's resource (same customer, lower role);
 * - 'public': a route before sign-in, behind no gate: any answer below 500 (a wrong password's 401
 *   included) with nothing of the victim.
 */
type Outcome = 401 | 403 | 404 | 'own' | 'passes' | 'allowed' | 'public';
const ACTORS = ['anonymous', 'otherLandlord', 'otherCustomer', 'lowerRole'] as const;
type ActorName = (typeof ACTORS)[number];
type Fixture = Awaited<ReturnType<typeof victim>>;
type Entry = Record<ActorName, Outcome> & {
  body?: (f: Fixture) => unknown;
  query?: (f: Fixture) => string;
  /** Multipart upload instead of a JSON body. */
  upload?: boolean;
  /** Ends or changes the caller's session: sent by a throwaway sign-in of the same person. */
  fresh?: boolean;
};

// Shapes of the usual entries. Staff routes: a portal session is no staff session (401).
const staffRoute = (other: Outcome, lower: Outcome, more: Partial<Entry> = {}): Entry => ({
  anonymous: 401,
  otherLandlord: other,
  otherCustomer: 401,
  lowerRole: lower,
  ...more,
});
// Portal routes: a staff session is no portal session (401).
const portalRoute = (other: Outcome, lower: Outcome, more: Partial<Entry> = {}): Entry => ({
  anonymous: 401,
  otherLandlord: 401,
  otherCustomer: other,
  lowerRole: lower,
  ...more,
});
// Before sign-in (login, reset, sign-up, invitation and e-ID round trips): nobody is turned away.
const open = (more: Partial<Entry> = {}): Entry => ({
  anonymous: 'public',
  otherLandlord: 'public',
  otherCustomer: 'public',
  lowerRole: 'public',
  ...more,
});

const newCase = (f: Fixture) => ({ title: 'Matrix', description: 'd', type: 'fault', leaseId: f.ids.leaseId });
const invite = { email: `invitee-${randomUUID().slice(0, 8)}@tenant.test`, name: 'Invitee', role: 'user' };

const MATRIX: Record<string, Entry> = {
  // --- sign-in and the signed-in person (auth) ---
  'POST /api/v1/auth/staff/login': open({ body: () => ({ email: 'nobody@staff.test', password: PASSWORD }) }),
  'POST /api/v1/auth/staff/refresh': open(),
  'POST /api/v1/auth/staff/logout': open({ fresh: true }),
  'GET /api/v1/auth/staff/me': staffRoute('own', 'own'),
  'PATCH /api/v1/auth/staff/me': staffRoute('own', 'own', { body: () => ({}) }),
  'POST /api/v1/auth/staff/password-reset': open({ body: () => ({ email: 'nobody@staff.test' }) }),
  'POST /api/v1/auth/staff/password-reset/confirm': open({ body: () => ({ token: 'x'.repeat(40), password: 'Another-Horse-Battery-7' }) }),
  'POST /api/v1/auth/portal/login': open({ body: () => ({ email: 'nobody@tenant.test', password: PASSWORD }) }),
  'POST /api/v1/auth/portal/refresh': open(),
  'POST /api/v1/auth/portal/logout': open({ fresh: true }),
  'GET /api/v1/auth/portal/me': portalRoute('own', 'own'),
  'PATCH /api/v1/auth/portal/me': portalRoute('own', 'own', { body: () => ({}) }),
  'POST /api/v1/auth/portal/password-reset': open({ body: () => ({ email: 'nobody@tenant.test' }) }),
  'POST /api/v1/auth/portal/password-reset/confirm': open({ body: () => ({ token: 'x'.repeat(40), password: 'Another-Horse-Battery-7' }) }),
  'GET /api/v1/auth/invitations/:token': open(),
  'POST /api/v1/auth/invitations/:token/accept': open({ body: () => ({ name: 'X', password: 'Another-Horse-Battery-7' }) }),
  'POST /api/v1/auth/portal/signup': open({
    body: () => ({ identityNumber: uniquePersonalNumber(), username: `u${randomUUID().slice(0, 8)}`, password: 'Another-Horse-Battery-7' }),
  }),
  'POST /api/v1/auth/portal/signup/policy': open({ body: () => ({ identityNumber: uniquePersonalNumber() }) }),
  'POST /api/v1/auth/portal/signup/:signupId/send-code': open({ body: () => ({ channel: 'email' }) }),
  'POST /api/v1/auth/portal/signup/:signupId/verify': open({ body: () => ({ code: '123456' }) }),
  'POST /api/v1/auth/portal/signup/:signupId/complete': open({ body: () => ({ name: 'X', email: 'x@tenant.test' }) }),
  'POST /api/v1/auth/portal/email-change/confirm': open({ body: () => ({ token: 'x'.repeat(40) }) }),
  // No e-ID broker runs beside the API tests (a real start answers 503 there); the gate is what counts.
  'GET /api/v1/auth/portal/eid/start': open({ query: () => 'method=unknown' }),
  'GET /api/v1/auth/portal/eid/callback': open({ query: () => 'state=nothing&code=nothing' }),
  // --- the portal person's own account ---
  // A new password the policy refuses: past the gate, yet nobody's password changes.
  'POST /api/v1/auth/portal/password': portalRoute('passes', 'passes', {
    body: () => ({ currentPassword: PASSWORD, newPassword: 'short' }),
  }),
  'POST /api/v1/auth/portal/email-change': portalRoute('own', 'own', {
    body: () => ({ newEmail: `new-${randomUUID().slice(0, 8)}@tenant.test`, password: PASSWORD }),
  }),
  'GET /api/v1/auth/portal/preferences': portalRoute('own', 'own'),
  'PUT /api/v1/auth/portal/preferences': portalRoute('own', 'own', {
    body: () => ({
      messages: { email: true, sms: false },
      cases: { email: true, sms: false },
      notices: { email: true, sms: true },
      invoices: { email: true, sms: false },
    }),
  }),
  'GET /api/v1/auth/portal/sessions': portalRoute('own', 'own'),
  // The victim's device: someone else cannot sign it out.
  'DELETE /api/v1/auth/portal/sessions/:sessionId': portalRoute(404, 404),
  'GET /api/v1/auth/portal/eid/pending-link/:requestId': portalRoute(404, 404),
  'POST /api/v1/auth/portal/eid/link/confirm': portalRoute(404, 404, { body: (f) => ({ requestId: f.ids.requestId }) }),

  // --- console: messages and files (technicians have no inbox) ---
  'GET /api/v1/threads': staffRoute('own', 403),
  'GET /api/v1/threads/unread-count': staffRoute('own', 403),
  'POST /api/v1/threads': staffRoute(404, 403, {
    body: (f) => ({ customerId: f.ids.customerId, leaseId: f.ids.leaseId, subject: 'Matrix', body: 'b' }),
  }),
  'GET /api/v1/threads/:threadId': staffRoute(404, 403),
  'POST /api/v1/threads/:threadId/messages': staffRoute(404, 403, { body: () => ({ body: 'b' }) }),
  'POST /api/v1/threads/:threadId/read': staffRoute(404, 403),
  'POST /api/v1/uploads': staffRoute('own', 'own', { upload: true }),
  'GET /api/v1/attachments/:attachmentId': staffRoute(404, 404),
  // --- console: customers ---
  'GET /api/v1/customers': staffRoute('own', 403),
  'GET /api/v1/customers/:customerId': staffRoute(404, 403),
  'POST /api/v1/customers/:customerId/contacts/:contactId/invite': staffRoute(404, 403),
  'GET /api/v1/customers/:customerId/portal-users': staffRoute(404, 403),
  'POST /api/v1/customers/:customerId/portal-invitations': staffRoute(404, 403, { body: () => invite }),
  'POST /api/v1/customers': staffRoute('own', 403, { body: () => ({ kind: 'company', name: `Matrix ${randomUUID().slice(0, 8)}` }) }),
  'PATCH /api/v1/customers/:customerId': staffRoute(404, 403, { body: () => ({ city: 'Matrixby' }) }),
  'POST /api/v1/customers/:customerId/archive': staffRoute(404, 403),
  'POST /api/v1/customers/:customerId/restore': staffRoute(404, 403),
  'DELETE /api/v1/customers/:customerId': staffRoute(404, 403),
  'POST /api/v1/customers/:customerId/contacts': staffRoute(404, 403, { body: () => ({ name: 'Matrix Contact' }) }),
  'PATCH /api/v1/customers/:customerId/contacts/:contactId': staffRoute(404, 403, { body: () => ({ name: 'Matrix Contact' }) }),
  'DELETE /api/v1/customers/:customerId/contacts/:contactId': staffRoute(404, 403),
  'POST /api/v1/customers/:customerId/portal-invitations/:invitationId/resend': staffRoute(404, 403),
  'DELETE /api/v1/customers/:customerId/portal-invitations/:invitationId': staffRoute(404, 403),
  'PATCH /api/v1/customers/:customerId/portal-users/:userId': staffRoute(404, 403, { body: () => ({ role: 'user' }) }),
  'DELETE /api/v1/customers/:customerId/portal-users/:userId': staffRoute(404, 403),
  // --- console: cases (technicians: only cases assigned to them; the victim's is not) ---
  'GET /api/v1/cases': staffRoute('own', 'own'),
  'GET /api/v1/cases/stats': staffRoute('own', 'own'),
  'POST /api/v1/cases': staffRoute(404, 403, { body: (f) => ({ ...newCase(f), customerId: f.ids.customerId }) }),
  'POST /api/v1/cases/related': staffRoute(404, 403, {
    body: (f) => ({ propertyId: f.ids.propertyId, title: 'Matrix', description: 'd' }),
  }),
  'GET /api/v1/cases/:caseId': staffRoute(404, 404),
  'POST /api/v1/cases/:caseId/replies': staffRoute(404, 404, { body: () => ({ body: 'b' }) }),
  'POST /api/v1/cases/:caseId/status': staffRoute(404, 404, { body: () => ({ status: 'acknowledged' }) }),
  'POST /api/v1/cases/:caseId/assign': staffRoute(404, 403, { body: () => ({ assigneeId: null }) }),
  'POST /api/v1/cases/:caseId/work-orders': staffRoute(404, 404, {
    body: () => ({ description: 'd', performedAt: new Date().toISOString(), minutes: 1, materialCostMinor: 0 }),
  }),
  'POST /api/v1/cases/:caseId/work-orders/:workOrderId/signature': staffRoute(404, 404, {
    body: (f) => ({ signedBy: 'X', attachmentId: f.ids.attachmentId, kind: 'file' }),
  }),
  'GET /api/v1/objects': staffRoute('own', 'allowed'),
  'POST /api/v1/objects': staffRoute(404, 403, {
    body: (f) => ({ number: `M-${randomUUID().slice(0, 6)}`, type: 'Tvättmaskin', unitId: f.ids.unitId }),
  }),
  'PATCH /api/v1/objects/:objectId': staffRoute(404, 403, { body: () => ({ location: 'Källaren' }) }),
  'GET /api/v1/settings/case-routing': staffRoute('own', 'allowed'),
  'PUT /api/v1/settings/case-routing': staffRoute(404, 403, {
    body: (f) => ({ rules: [{ caseType: 'fault', assigneeId: f.ids.staffId }] }),
  }),
  'GET /api/v1/staff': staffRoute('own', 'allowed'),
  'GET /api/v1/property-options': staffRoute('own', 'allowed'),
  'GET /api/v1/settings': staffRoute('own', 'allowed'),
  'PATCH /api/v1/settings': staffRoute('own', 403, { body: () => ({ defaultLocale: 'en' }) }),
  'POST /api/v1/settings/logo': staffRoute('own', 403, { upload: true }),
  'DELETE /api/v1/settings/logo': staffRoute('own', 403),
  // Each reads their own landlord's logo (none here: 404 is a business answer).
  'GET /api/v1/settings/logo': staffRoute('passes', 'passes'),
  // --- console: staff users (issue 9; admins only) ---
  'GET /api/v1/staff-users': staffRoute('own', 403),
  'POST /api/v1/staff-users': staffRoute('own', 403, {
    body: () => ({ email: `matrix-${randomUUID().slice(0, 8)}@staff.test`, name: 'Matrix', role: 'technician' }),
  }),
  'GET /api/v1/staff-users/:staffId': staffRoute(404, 403),
  'PATCH /api/v1/staff-users/:staffId': staffRoute(404, 403, { body: () => ({ role: 'finance' }) }),
  'POST /api/v1/staff-users/:staffId/deactivate': staffRoute(404, 403),
  'POST /api/v1/staff-users/:staffId/reactivate': staffRoute(404, 403),
  'POST /api/v1/staff-users/:staffId/invitation/resend': staffRoute(404, 403),
  'POST /api/v1/staff-users/:staffId/invitation/cancel': staffRoute(404, 403),
  'GET /api/v1/auth/staff/invitations/:token': open(),
  'POST /api/v1/auth/staff/invitations/:token/accept': open({ body: () => ({ password: 'Another-Horse-Battery-7' }) }),
  // A landlord's support contacts are public (the portal's sign-in help page): anyone may read them.
  'GET /api/v1/auth/portal/support/:landlordId': {
    anonymous: 'allowed',
    otherLandlord: 'allowed',
    otherCustomer: 'allowed',
    lowerRole: 'allowed',
  },
  // Issue 12 SHELL: the sign-in page's branding (`/login?landlord=<id>`) is public like the support contacts.
  'GET /api/v1/auth/portal/branding/:landlordId': {
    anonymous: 'allowed',
    otherLandlord: 'allowed',
    otherCustomer: 'allowed',
    lowerRole: 'allowed',
  },
  // No logo here: 404 is a business answer, for anyone.
  'GET /api/v1/auth/portal/branding/:landlordId/logo': {
    anonymous: 'passes',
    otherLandlord: 'passes',
    otherCustomer: 'passes',
    lowerRole: 'passes',
  },
  // --- console: how each e-mail and SMS went (admins and managers) ---
  'GET /api/v1/deliveries': staffRoute('own', 403, { query: (f) => `messageId=${f.ids.messageId}` }),
  // --- console and API: webhooks and the changes feed (issue 10; admins and managers) ---
  'GET /api/v1/webhook-endpoints': staffRoute('own', 403),
  'POST /api/v1/webhook-endpoints': staffRoute('own', 403, {
    body: () => ({ url: 'https://example.com/hook', eventTypes: ['case.created'] }),
  }),
  'GET /api/v1/webhook-endpoints/:endpointId': staffRoute(404, 403),
  'PATCH /api/v1/webhook-endpoints/:endpointId': staffRoute(404, 403, { body: () => ({ description: 'x' }) }),
  'DELETE /api/v1/webhook-endpoints/:endpointId': staffRoute(404, 403),
  'POST /api/v1/webhook-endpoints/:endpointId/rotate-secret': staffRoute(404, 403),
  'POST /api/v1/webhook-endpoints/:endpointId/test': staffRoute(404, 403),
  'POST /api/v1/webhook-endpoints/:endpointId/redeliver': staffRoute(404, 403, { body: (f) => ({ eventId: f.ids.eventId }) }),
  'GET /api/v1/webhook-endpoints/:endpointId/deliveries': staffRoute(404, 403),
  'GET /api/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId': staffRoute(404, 403),
  'POST /api/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId/redeliver': staffRoute(404, 403),
  'GET /api/v1/events': staffRoute('own', 403),
  'POST /api/v1/deliveries/:deliveryId/retry': staffRoute(404, 403),
  // --- console: properties and units (issue 9; finance reads, technicians see none) ---
  'GET /api/v1/properties': staffRoute('own', 403),
  'POST /api/v1/properties': staffRoute('own', 403, {
    body: () => ({ name: `Matrix ${randomUUID().slice(0, 6)}`, street: 'Matrixgatan 1', postalCode: '111 22', city: 'Stockholm' }),
  }),
  'GET /api/v1/properties/:propertyId': staffRoute(404, 403),
  'PATCH /api/v1/properties/:propertyId': staffRoute(404, 403, { body: () => ({ floors: 3 }) }),
  'POST /api/v1/properties/:propertyId/archive': staffRoute(404, 403),
  'POST /api/v1/properties/:propertyId/restore': staffRoute(404, 403),
  'POST /api/v1/properties/:propertyId/images': staffRoute(404, 403, { body: (f) => ({ attachmentId: f.ids.attachmentId }) }),
  'DELETE /api/v1/properties/:propertyId/images/:attachmentId': staffRoute(404, 403),
  'GET /api/v1/units': staffRoute('own', 403),
  'POST /api/v1/units': staffRoute(404, 403, {
    body: (f) => ({ propertyId: f.ids.propertyId, number: `M-${randomUUID().slice(0, 6)}`, type: 'storage', address: 'Matrixgatan 1' }),
  }),
  'GET /api/v1/units/:unitId': staffRoute(404, 403),
  'PATCH /api/v1/units/:unitId': staffRoute(404, 403, { body: () => ({ floor: '3' }) }),
  'POST /api/v1/units/:unitId/archive': staffRoute(404, 403),
  'POST /api/v1/units/:unitId/restore': staffRoute(404, 403),
  // --- integrators (issue 10): upsert by external id and bulk; another landlord's external ids are its own ---
  'PUT /api/v1/properties/by-external-id/:externalId': staffRoute('own', 403, {
    body: () => ({ name: `Matrix ${tag()}`, street: 'Matrixgatan 1', postalCode: '111 22', city: 'Stockholm' }),
  }),
  'POST /api/v1/properties/bulk': staffRoute('own', 403, { body: () => ({ items: [] }) }),
  'PUT /api/v1/units/by-external-id/:externalId': staffRoute(404, 403, {
    body: () => ({ propertyExternalId: `nowhere-${tag()}`, number: `M-${tag()}`, type: 'storage', address: 'Matrixgatan 1' }),
  }),
  'POST /api/v1/units/bulk': staffRoute('own', 403, { body: () => ({ items: [] }) }),
  'PUT /api/v1/customers/by-external-id/:externalId': staffRoute('own', 403, {
    body: () => ({ kind: 'company', name: `Matrix ${tag()}` }),
  }),
  'POST /api/v1/customers/bulk': staffRoute('own', 403, { body: () => ({ items: [] }) }),
  'PUT /api/v1/leases/by-external-id/:externalId': staffRoute(404, 403, {
    body: () => ({
      number: `M-${tag()}`,
      type: 'residential',
      customerExternalId: `nobody-${tag()}`,
      unitExternalIds: [`nowhere-${tag()}`],
      validFrom: '2090-01-01',
    }),
  }),
  'POST /api/v1/leases/bulk': staffRoute('own', 403, { body: () => ({ items: [] }) }),
  // --- console: a record's change history (issue 9) ---
  'GET /api/v1/history/:recordType/:recordId': staffRoute(404, 403),
  // --- console and integrators: billing (issue 11, RUN); technicians see nothing of money ---
  'GET /api/v1/billing/settings': staffRoute('own', 403),
  'PATCH /api/v1/billing/settings': staffRoute('own', 403, { body: () => ({ attachPdf: true }) }),
  // Another landlord previews or runs its own billing (a business answer: it has no payment account).
  'POST /api/v1/billing/runs/preview': staffRoute('passes', 403, { body: () => ({ period: '2027-03' }) }),
  'POST /api/v1/billing/runs': staffRoute('passes', 403, { body: () => ({ period: '2027-03' }) }),
  'GET /api/v1/billing/runs': staffRoute('own', 403),
  'GET /api/v1/billing/runs/:runId': staffRoute(404, 403),
  'GET /api/v1/invoices': staffRoute('own', 403),
  'GET /api/v1/invoices/aged-debt': staffRoute('own', 403),
  'GET /api/v1/invoices/export.csv': staffRoute('own', 403),
  'POST /api/v1/invoices/charges': staffRoute(404, 403, {
    body: (f) => ({ leaseId: f.ids.leaseId, lines: [{ kind: 'other', description: 'Key', amountMinor: 10000 }] }),
  }),
  'PUT /api/v1/invoices/by-external-id/:externalId': staffRoute(404, 403, {
    body: (f) => ({
      leaseExternalId: f.ids.leaseExternalId,
      period: '2027-03',
      lines: [{ kind: 'rent', description: 'Rent', amountMinor: 10000 }],
      dueDate: '2027-02-26',
    }),
  }),
  'GET /api/v1/invoices/:invoiceId': staffRoute(404, 403),
  'POST /api/v1/invoices/:invoiceId/credit-notes': staffRoute(404, 403, { body: () => ({ amountMinor: 100, reason: 'Matrix' }) }),
  // --- console: leases (issue 9); another landlord naming the victim's customer and unit finds neither ---
  'GET /api/v1/leases': staffRoute('own', 403),
  'GET /api/v1/leases/unit-options': staffRoute('own', 403),
  'POST /api/v1/leases': staffRoute(404, 403, {
    body: (f) => ({
      number: `M-${tag()}`,
      type: 'residential',
      customerId: f.ids.customerId,
      unitIds: [f.ids.unitId],
      validFrom: '2090-01-01',
    }),
  }),
  'GET /api/v1/leases/:leaseId': staffRoute(404, 403),
  'PATCH /api/v1/leases/:leaseId': staffRoute(404, 403, { body: () => ({ noticePeriodMonths: 2 }) }),
  'POST /api/v1/leases/:leaseId/terminate': staffRoute(404, 403, { body: () => ({}) }),
  'POST /api/v1/leases/:leaseId/end': staffRoute(404, 403),
  'POST /api/v1/leases/:leaseId/archive': staffRoute(404, 403),
  'POST /api/v1/leases/:leaseId/restore': staffRoute(404, 403),
  // --- console: spreadsheet imports (issue 9; admins and managers). The matrix's PNG is refused as a type (415): past the gate.
  // --- console: API keys (issue 10; admins only, never a key) ---
  'GET /api/v1/api-keys': staffRoute('own', 403),
  'POST /api/v1/api-keys': staffRoute('own', 403, { body: () => ({ name: 'Matrix', scopes: ['customers:read'] }) }),
  'POST /api/v1/api-keys/:apiKeyId/revoke': staffRoute(404, 403),
  'GET /api/v1/imports': staffRoute('own', 403),
  'POST /api/v1/imports': staffRoute('passes', 403, { upload: true, query: () => 'kind=units' }),
  'GET /api/v1/imports/templates/:kind': staffRoute('own', 403),
  'GET /api/v1/imports/:importId': staffRoute(404, 403),
  'PUT /api/v1/imports/:importId/mapping': staffRoute(404, 403, { body: () => ({ mapping: {} }) }),
  'POST /api/v1/imports/:importId/dry-run': staffRoute(404, 403),
  'POST /api/v1/imports/:importId/commit': staffRoute(404, 403),
  'GET /api/v1/imports/:importId/errors.csv': staffRoute(404, 403),
  // --- console: payments (issue 11 PAY; finance and admins write, managers read, technicians nothing).
  // Another landlord's PNG upload is no BgMax file (422): past the gate.
  'POST /api/v1/payments/imports': staffRoute('passes', 403, { upload: true }),
  'GET /api/v1/payments/imports': staffRoute('own', 403),
  'GET /api/v1/payments/imports/:paymentImportId': staffRoute(404, 403),
  'GET /api/v1/payments': staffRoute('own', 403),
  'GET /api/v1/payments/unmatched': staffRoute('own', 403),
  'GET /api/v1/payments/export.csv': staffRoute('own', 403),
  'GET /api/v1/payments/:paymentId': staffRoute(404, 403),
  'GET /api/v1/payments/payable-invoices': staffRoute('own', 403, { query: () => 'q=1' }),
  'POST /api/v1/payments': staffRoute(404, 403, {
    body: (f) => ({ amountMinor: 100, paidOn: '2027-01-01', customerId: f.ids.customerId }),
  }),
  'POST /api/v1/payments/:paymentId/assign': staffRoute(404, 403, { body: (f) => ({ customerId: f.ids.customerId }) }),
  'POST /api/v1/payments/:paymentId/allocate': staffRoute(404, 403, { body: () => ({ invoiceId: randomUUID() }) }),

  // --- console: direct-debit mandates and collections (issue 11; admin/finance write, managers read) ---
  'GET /api/v1/mandates': staffRoute('own', 403),
  'GET /api/v1/mandates/collections': staffRoute('own', 403, { query: () => 'dueDate=2027-03-01' }),
  'POST /api/v1/mandates/collections': staffRoute(404, 403, { body: (f) => ({ dueDate: '2027-03-01', invoiceIds: [f.ids.mandateId] }) }),
  'POST /api/v1/mandates/export': staffRoute('passes', 403, { body: () => ({ kind: 'betalingsservice' }) }),
  'GET /api/v1/mandates/exports/:exportId/file': staffRoute(404, 403),
  'GET /api/v1/mandates/:mandateId': staffRoute(404, 403),
  'POST /api/v1/mandates/:mandateId/activate': staffRoute(404, 403),
  'POST /api/v1/mandates/:mandateId/reject': staffRoute(404, 403),
  'POST /api/v1/mandates/:mandateId/cancel': staffRoute(404, 403),

  // --- portal: the victim's own 'user' may do everything but manage people, invoices and statistics ---
  'GET /api/v1/portal/threads': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/threads/unread-count': portalRoute('own', 'allowed'),
  'POST /api/v1/portal/threads': portalRoute(404, 'allowed', { body: (f) => ({ leaseId: f.ids.leaseId, subject: 'Matrix', body: 'b' }) }),
  'GET /api/v1/portal/threads/:threadId': portalRoute(404, 'allowed'),
  'POST /api/v1/portal/threads/:threadId/messages': portalRoute(404, 'allowed', { body: () => ({ body: 'b' }) }),
  'POST /api/v1/portal/threads/:threadId/read': portalRoute(404, 'allowed'),
  'POST /api/v1/portal/uploads': portalRoute('own', 'allowed', { upload: true }),
  'GET /api/v1/portal/attachments/:attachmentId': portalRoute(404, 'allowed'),
  'GET /api/v1/portal/organisation/users': portalRoute('own', 403),
  'POST /api/v1/portal/organisation/invitations': portalRoute('own', 403, {
    body: () => ({ ...invite, email: `invitee-${randomUUID().slice(0, 8)}@tenant.test` }),
  }),
  'POST /api/v1/portal/organisation/invitations/:invitationId/resend': portalRoute(404, 403),
  'DELETE /api/v1/portal/organisation/invitations/:invitationId': portalRoute(404, 403),
  'PATCH /api/v1/portal/organisation/users/:userId': portalRoute(404, 403, { body: () => ({ role: 'admin' }) }),
  'DELETE /api/v1/portal/organisation/users/:userId': portalRoute(404, 403),
  'GET /api/v1/portal/invoices': portalRoute('own', 403),
  // Issue 11 (MANDATE): payment agreements, main administrators only.
  'GET /api/v1/portal/mandates': portalRoute('own', 403),
  'GET /api/v1/portal/mandate-terms': portalRoute('own', 403, { query: () => 'kind=autogiro' }),
  'POST /api/v1/portal/mandates': portalRoute(404, 403, {
    body: (f) => ({
      leaseId: f.ids.leaseId,
      kind: 'autogiro',
      bankCode: '3300',
      bankAccount: '1212121212',
      holderId: '191212121212',
      holderName: 'Matrix',
      acceptTerms: true,
      termsVersion: 'autogiro-2027-01',
    }),
  }),
  'POST /api/v1/portal/mandates/:mandateId/cancel': portalRoute(404, 403),

  'GET /api/v1/portal/payments': portalRoute('own', 403),

  // Issue 11 (DOCS): the notice page, its PDF and QR code — the customer's main administrators only.
  'GET /api/v1/portal/invoices/:invoiceId': portalRoute(404, 403),
  'GET /api/v1/portal/invoices/:invoiceId/pdf': portalRoute(404, 403),
  'GET /api/v1/portal/invoices/:invoiceId/qr.svg': portalRoute(404, 403),
  // Issue 11 (DOCS): a notice's PDF and QR code for billing readers (admin, finance, manager).
  'GET /api/v1/invoices/:invoiceId/pdf': staffRoute(404, 403),
  'GET /api/v1/invoices/:invoiceId/qr.svg': staffRoute(404, 403),
  'GET /api/v1/portal/cases': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/cases/stats': portalRoute('own', 403),
  'GET /api/v1/portal/cases/prefill': portalRoute(404, 'allowed', { query: (f) => `leaseId=${f.ids.leaseId}` }),
  'POST /api/v1/portal/cases': portalRoute(404, 'allowed', { body: newCase }),
  'GET /api/v1/portal/cases/:caseId': portalRoute(404, 'allowed'),
  'POST /api/v1/portal/cases/:caseId/replies': portalRoute(404, 'allowed', { body: () => ({ body: 'b' }) }),
  'POST /api/v1/portal/cases/:caseId/follow': portalRoute(404, 'allowed'),
  'DELETE /api/v1/portal/cases/:caseId/follow': portalRoute(404, 'allowed'),
  'GET /api/v1/portal/objects': portalRoute('own', 'allowed'),
  // Issue 11: leases for every role of the customer; the signed PDF is money (main administrators only).
  'GET /api/v1/portal/leases': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/leases/:leaseId': portalRoute(404, 'allowed'),
  'GET /api/v1/portal/leases/:leaseId/signed-pdf': portalRoute(404, 403),
  'POST /api/v1/portal/leases/:leaseId/request-copy': portalRoute(404, 'allowed'),
  // Issue 12 (POSTS): staff write posts (admins and managers; a technician gets 403). A post for the
  // victim's property is every tenant's there to read: the neighbour lives in it too (allowed), and the
  // post carries no marker. Isolation by property is tested in modules/posts/posts.test.ts.
  'GET /api/v1/posts': staffRoute('own', 403),
  'POST /api/v1/posts': staffRoute(404, 403, {
    body: (f) => ({ category: 'news', title: 't', body: 'b', target: { allProperties: false, propertyIds: [f.ids.propertyId] } }),
  }),
  'GET /api/v1/posts/:postId': staffRoute(404, 403),
  'PATCH /api/v1/posts/:postId': staffRoute(404, 403, { body: () => ({ pinned: true }) }),
  'DELETE /api/v1/posts/:postId': staffRoute(404, 403),
  'GET /api/v1/posts/:postId/image': staffRoute(404, 403),
  'GET /api/v1/portal/posts': portalRoute('allowed', 'allowed'),
  'GET /api/v1/portal/posts/:postId': portalRoute('allowed', 'allowed'),
  'GET /api/v1/portal/posts/:postId/image': portalRoute('allowed', 'allowed'),
  'GET /api/v1/portal/landlord': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/landlord/logo': portalRoute('passes', 'passes'),
  // Issue 12 (HELP): the help centre; staff: admins and managers; portal: the landlord's articles for every role.
  'GET /api/v1/help-articles': staffRoute('own', 403),
  'POST /api/v1/help-articles': staffRoute('own', 403, { body: () => ({ locale: 'en', category: 'other', title: 'Matrix', body: 'b' }) }),
  'GET /api/v1/help-articles/:articleId': staffRoute(404, 403),
  'PATCH /api/v1/help-articles/:articleId': staffRoute(404, 403, { body: () => ({ title: 'Taken' }) }),
  'DELETE /api/v1/help-articles/:articleId': staffRoute(404, 403),
  'GET /api/v1/portal/help-articles': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/help-articles/:articleId': portalRoute('own', 'allowed'),

  // Issue 12 (OPS): operational notices. Staff: admins and managers (technicians 403). The portal: a
  // notice for the victim's property is every tenant's of that property (the neighbour included).
  'GET /api/v1/operational-notices': staffRoute('own', 403),
  'POST /api/v1/operational-notices': staffRoute(404, 403, {
    body: (f) => ({
      kind: 'disruption',
      title: 'Matrix notice',
      body: 'x',
      startsAt: new Date().toISOString(),
      target: { allProperties: false, propertyIds: [f.ids.propertyId] },
    }),
  }),
  'GET /api/v1/operational-notices/:noticeId': staffRoute(404, 403),
  'PATCH /api/v1/operational-notices/:noticeId': staffRoute(404, 403, { body: () => ({ comment: 'x' }) }),
  'POST /api/v1/operational-notices/:noticeId/resolve': staffRoute(404, 403, { body: () => ({}) }),
  'GET /api/v1/operational-notices/:noticeId/deliveries': staffRoute(404, 403),
  'GET /api/v1/portal/operational-notices': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/operational-notices/:noticeId': portalRoute('allowed', 'allowed'),
  'GET /api/v1/portal/operational-notices/:noticeId/calendar.ics': portalRoute('allowed', 'allowed'),

  // --- issue 12, DOCS: documents (area content) and the property page ---
  'GET /api/v1/documents': staffRoute('own', 403),
  'POST /api/v1/documents': staffRoute(404, 403, {
    body: (f) => ({ scope: 'customer', targetId: f.ids.customerId, category: 'other', title: 'Matrix', attachmentId: f.ids.attachmentId }),
  }),
  'GET /api/v1/documents/:documentId': staffRoute(404, 403),
  'PATCH /api/v1/documents/:documentId': staffRoute(404, 403, { body: () => ({ title: 'Matrix' }) }),
  'DELETE /api/v1/documents/:documentId': staffRoute(404, 403),
  'GET /api/v1/documents/:documentId/file': staffRoute(404, 403),
  'GET /api/v1/properties/:propertyId/team': staffRoute(404, 403),
  'PUT /api/v1/properties/:propertyId/team': staffRoute(404, 403, { body: (f) => [{ staffUserId: f.ids.staffId, title: 'Matrix' }] }),
  // The company's user sees property documents only; the customer's document (with the marker) is not in the list.
  'GET /api/v1/portal/documents': portalRoute('own', 'own'),
  'GET /api/v1/portal/documents/:documentId/file': portalRoute(404, 404),
  // The neighbour rents in the same property: it is their property page too.
  'GET /api/v1/portal/properties': portalRoute('own', 'allowed'),
  'GET /api/v1/portal/properties/:propertyId': portalRoute('own', 'allowed'),
  // The id is the message's file, no image of the property: nobody gets it through this route.
  'GET /api/v1/portal/properties/:propertyId/images/:attachmentId': portalRoute(404, 404),
};

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

/** Landlord A's company customer with something of every kind, and the four actors aiming at it. */
async function victim() {
  const a = await makeLandlord(t.app);
  const b = await makeLandlord(t.app);
  const marker = `victim-${tag()}`;
  const member = await insertPortalUser(t.app.db, { email: `member-${tag()}@company.test`, name: 'Member', password: PASSWORD }, [
    { landlordId: a.landlord.id, customerId: a.company.customer.id, contactId: a.company.contacts[1]!.id, role: 'user' },
  ]);
  const neighbour = await insertPortalUser(t.app.db, { email: `neighbour-${tag()}@tenant.test`, name: 'Neighbour', password: PASSWORD }, [
    { landlordId: a.landlord.id, customerId: a.household.customer.id, contactId: a.household.contacts[0]!.id, role: 'main_admin' },
  ]);
  const owner = await signIn(t.app, 'portal', a.companyUser.email);
  const manager = await signIn(t.app, 'staff', a.manager.email);
  const admin = await signIn(t.app, 'staff', a.admin.email);

  const file = (await manager.upload('/api/v1/uploads', PNG, `${marker}.png`)).json().id as string;
  const thread = await manager.post('/api/v1/threads', {
    customerId: a.company.customer.id,
    leaseId: a.office.id,
    subject: `${marker} subject`,
    body: `${marker} body`,
    attachmentIds: [file],
  });
  const report = await owner.post('/api/v1/portal/cases', {
    title: `${marker} case`,
    description: 'd',
    type: 'fault',
    leaseId: a.office.id,
  });
  const caseId = report.json().id as string;
  const order = await manager.post(`/api/v1/cases/${caseId}/work-orders`, {
    description: `${marker} work`,
    performedAt: new Date().toISOString(),
    minutes: 5,
    materialCostMinor: 0,
  });
  // An object in the company's own unit only (one in the property would be every tenant's to see).
  const object = await admin.post('/api/v1/objects', { number: `${marker}-obj`, type: 'Fläkt', unitId: a.units[2]!.id });
  const invitation = await owner.post('/api/v1/portal/organisation/invitations', {
    email: `${marker}-invitee@company.test`,
    name: 'Invitee',
    role: 'user',
  });
  const upload = await manager.upload(
    '/api/v1/imports?kind=properties',
    Buffer.from(`Property id,Property name\n${marker},x\n`),
    `${marker}.csv`,
  );
  // A payment waiting in the unmatched queue (issue 11 PAY); its note carries the marker.
  const payment = await admin.post('/api/v1/payments', { amountMinor: 100, paidOn: '2027-01-01', note: `${marker} payment` });
  // A landlord-wide help article: every customer of the landlord may read it, so it carries no marker.
  const helpArticle = await manager.post('/api/v1/help-articles', { locale: 'en', category: 'other', title: 'Matrix help', body: 'b' });

  // Issue 12 (POSTS): a bulletin post with an image for the victim's property.
  const postImage = (await manager.upload('/api/v1/uploads', PNG, 'post.png')).json().id as string;
  const post = await manager.post('/api/v1/posts', {
    category: 'bulletin',
    title: 'Bulletin',
    body: 'Body',
    target: { allProperties: false, propertyIds: [a.property.id] },
    imageAttachmentId: postImage,
  });
  const apiKey = await admin.post('/api/v1/api-keys', { name: `${marker} key`, scopes: ['customers:read'] });
  const endpoint = await admin.post('/api/v1/webhook-endpoints', { url: `https://example.com/${marker}`, eventTypes: ['case.created'] });
  // Issue 12 (OPS): planned work at the victim's property (its calendar file too).
  const operationalNotice = await manager.post('/api/v1/operational-notices', {
    kind: 'planned_work',
    title: 'Matrix planned work',
    body: 'x',
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    target: { allProperties: false, propertyIds: [a.property.id] },
  });
  // Issue 12 (DOCS): a document of the company's, titled with the marker.
  const document = await manager.post('/api/v1/documents', {
    scope: 'customer',
    targetId: a.company.customer.id,
    category: 'contract',
    title: `${marker} document`,
    attachmentId: (await manager.upload('/api/v1/uploads', PNG, `${marker}-doc.png`)).json().id,
  });
  for (const res of [thread, report, order, object, invitation, upload, apiKey, endpoint, payment, post, operationalNotice, document])
    expect(res.statusCode, res.body).toBeLessThan(300);
  const adminActor = {
    kind: 'staff' as const,
    id: a.admin.id,
    landlordId: a.landlord.id,
    role: 'admin' as const,
    name: 'Admin',
    email: a.admin.email,
  };
  await recordChange(t.app.db, adminActor, {
    recordType: 'customer',
    recordId: a.company.customer.id,
    action: 'created',
    after: { name: marker },
  });
  const sessions = await owner.get('/api/v1/auth/portal/sessions');
  // Issue 11 (RUN): a notice of the company's, and its lease named by an external id.
  const notice = await insertInvoice(t.app.db, {
    landlordId: a.landlord.id,
    customerId: a.company.customer.id,
    leaseId: a.office.id,
    status: 'unpaid',
  });
  const leaseExternalId = `matrix-lease-${tag()}`;
  await t.app.db.update(leases).set({ externalId: leaseExternalId }).where(eq(leases.id, a.office.id));
  const messageId = thread.json().messages[0].id as string;
  const [delivery] = await t.app.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.messageId, messageId));
  expect(report.json().assignee?.id).not.toBe(a.technician.id);

  const ids: Record<string, string> = {
    threadId: thread.json().id,
    messageId,
    deliveryId: delivery!.id,
    attachmentId: file,
    customerId: a.company.customer.id,
    contactId: a.company.contacts[0]!.id,
    leaseId: a.office.id,
    unitId: a.units[2]!.id,
    propertyId: a.property.id,
    staffId: a.manager.id,
    landlordId: a.landlord.id,
    caseId,
    workOrderId: order.json().id,
    objectId: object.json().id,
    invitationId: invitation.json().id,
    userId: member.id,
    sessionId: sessions.json().items[0].id,
    recordType: 'customer',
    recordId: a.company.customer.id,
    importId: upload.json().id,
    apiKeyId: apiKey.json().id,
    articleId: helpArticle.json().id,
    endpointId: endpoint.json().id,
    paymentId: payment.json().id,
    // No BgMax import is made here (it needs the landlord's bankgiro): only whose it would be matters.
    paymentImportId: randomUUID(),
    eventId: randomUUID(),
    invoiceId: notice.id,
    postId: post.json().id,

    noticeId: operationalNotice.json().id,

    documentId: document.json().id,
    leaseExternalId,
    runId: randomUUID(),
    kind: 'units',
    externalId: `matrix-${tag()}`,
    // Ids of things that have no row to reach: only whose they would be matters.
    requestId: randomUUID(),
    mandateId: randomUUID(),
    exportId: randomUUID(),
    signupId: randomUUID(),
    token: `tok${randomUUID().replaceAll('-', '')}`,
  };
  // Its words and names, and the ids of its case, thread and message: none may reach an outsider.
  const own = [marker, ids.caseId!, ids.threadId!, messageId];
  const everything = [...own, a.landlord.name, a.company.customer.name, a.household.customer.name, a.manager.email];
  const ofTheCompany = [...own, a.company.customer.name, a.companyUser.email, member.email];
  return {
    a,
    ids,
    owner,
    // Who signs in as each actor, per audience of the route; with what they must never see.
    people: {
      anonymous: { staff: null, portal: null, markers: everything },
      otherLandlord: { staff: b.admin.email, portal: null, markers: everything },
      otherCustomer: { staff: null, portal: neighbour.email, markers: ofTheCompany },
      lowerRole: { staff: a.technician.email, portal: member.email, markers: own },
    },
  };
}

function check(outcome: Outcome, status: number, body: string, markers: string[]): string | null {
  if (status >= 500) return `answered ${status}`;
  const leaked = outcome === 'allowed' ? undefined : markers.find((m) => body.includes(m));
  if (leaked) return `leaked "${leaked}" (${status})`;
  if (typeof outcome === 'number') return status === outcome ? null : `expected ${outcome}, got ${status}`;
  if (outcome === 'public') return null;
  if (outcome === 'passes') return status === 401 || status === 403 ? `expected to pass, got ${status}` : null;
  return status >= 200 && status < 300 ? null : `expected ${outcome} (2xx), got ${status}`;
}

it('every route × {anonymous, other landlord, other customer, lower role} gets what its entry says', async () => {
  const f = await victim();
  const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
  const withoutEntry = routes.filter((r) => !MATRIX[r]);
  const staleEntries = Object.keys(MATRIX).filter((k) => !routes.includes(k));
  console.log(`authorisation matrix: ${routes.length} routes × ${ACTORS.length} actors = ${routes.length * ACTORS.length} checks`);
  expect(withoutEntry, 'new route without an entry in MATRIX').toEqual([]);
  expect(staleEntries, 'entries for routes that no longer exist').toEqual([]);

  // Signed-in clients, kept per person (a session-ending route signs in a throwaway one instead).
  const clients = new Map<string, Client>();
  const clientFor = async (audience: 'staff' | 'portal', email: string | null, fresh: boolean) => {
    if (!email) return new Client(t.app);
    const key = `${audience}:${email}`;
    if (fresh) return signIn(t.app, audience, email);
    if (!clients.has(key)) clients.set(key, await signIn(t.app, audience, email));
    return clients.get(key)!;
  };

  const failures: string[] = [];
  for (const route of t.app.apiRoutes) {
    const key = `${route.method} ${route.url}`;
    const entry = MATRIX[key]!;
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
      if (!f.ids[name]) throw new Error(`no fixture id for :${name} in ${key}`);
      return f.ids[name]!;
    });
    const audience = route.url.startsWith('/api/v1/portal') || route.url.startsWith('/api/v1/auth/portal') ? 'portal' : 'staff';
    for (const actor of ACTORS) {
      const person = f.people[actor];
      // A staff route's "other customer" and a portal route's "other landlord" come with the other audience's session.
      const email = person[audience] ?? (actor === 'anonymous' ? null : person[audience === 'staff' ? 'portal' : 'staff']);
      const client = await clientFor(
        email === person[audience] ? audience : audience === 'staff' ? 'portal' : 'staff',
        email,
        !!entry.fresh,
      );
      const full = entry.query ? `${url}?${entry.query(f)}` : url;
      const res = entry.upload
        ? await client.upload(full, PNG, 'matrix.png')
        : await client.request(
            route.method as 'GET',
            full,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : (entry.body?.(f) ?? {}),
          );
      const problem = check(entry[actor], res.statusCode, res.body, person.markers);
      if (problem) failures.push(`${key} as ${actor}: ${problem}`);
    }
  }
  expect(failures).toEqual([]);

  // Nothing above reached the victim: their own session still works and their case is untouched.
  expect((await f.owner.get('/api/v1/auth/portal/me')).statusCode).toBe(200);
  const own = (await f.owner.get(`/api/v1/portal/cases/${f.ids.caseId}`)).json();
  expect(own.status).toBe('new');
  expect(own.events.filter((e: { authorKind: string; kind: string }) => e.kind === 'public_reply' && e.authorKind === 'staff')).toEqual([]);
}, 300_000);
