import daBilling from './da/billing.json';
import daCommon from './da/common.json';
import daConsole from './da/console.json';
import daDocuments from './da/documents.json';
import daEmail from './da/email.json';
import daErrors from './da/errors.json';
import daHelp from './da/help.json';
import daImports from './da/imports.json';
import daIntegrations from './da/integrations.json';
import daLeases from './da/leases.json';
import daMandates from './da/mandates.json';
import daMoney from './da/money.json';
import daOps from './da/ops.json';
import daPayments from './da/payments.json';
import daPortal from './da/portal.json';
import daPosts from './da/posts.json';
import daWebhooks from './da/webhooks.json';
import enBilling from './en/billing.json';
import enCommon from './en/common.json';
import enConsole from './en/console.json';
import enDocuments from './en/documents.json';
import enEmail from './en/email.json';
import enErrors from './en/errors.json';
import enHelp from './en/help.json';
import enImports from './en/imports.json';
import enIntegrations from './en/integrations.json';
import enLeases from './en/leases.json';
import enMandates from './en/mandates.json';
import enMoney from './en/money.json';
import enOps from './en/ops.json';
import enPayments from './en/payments.json';
import enPortal from './en/portal.json';
import enPosts from './en/posts.json';
import enWebhooks from './en/webhooks.json';
import svBilling from './sv/billing.json';
import svCommon from './sv/common.json';
import svConsole from './sv/console.json';
import svDocuments from './sv/documents.json';
import svEmail from './sv/email.json';
import svErrors from './sv/errors.json';
import svHelp from './sv/help.json';
import svImports from './sv/imports.json';
import svIntegrations from './sv/integrations.json';
import svLeases from './sv/leases.json';
import svMandates from './sv/mandates.json';
import svMoney from './sv/money.json';
import svOps from './sv/ops.json';
import svPayments from './sv/payments.json';
import svPortal from './sv/portal.json';
import svPosts from './sv/posts.json';
import svWebhooks from './sv/webhooks.json';

/**
 * The one catalogue, split by namespace so each surface loads what it uses:
 * `common` and `errors` everywhere, `portal` in tenant-web, `console` in admin-web, `email` in the worker,
 * `imports` (spreadsheet column labels, error report) in the API and the console's import pages,
 * `integrations` (API keys) and `webhooks` (issue 10) in the console's pages for integrators;
 * issue 11: `billing`, `payments` and `mandates` in the console's money pages, `money` in the portal's,
 * `leases` in the portal's lease pages and the API (the copy-request case's title);
 * issue 12: `ops` (operational notices), `posts` (news, bulletin board), `help` (help centre) and
 * `documents` (documents, the property page) in both SPAs' content pages and the API's e-mails.
 */
export const resources = {
  en: {
    common: enCommon,
    errors: enErrors,
    email: enEmail,
    portal: enPortal,
    console: enConsole,
    imports: enImports,
    integrations: enIntegrations,
    webhooks: enWebhooks,
    billing: enBilling,
    payments: enPayments,
    mandates: enMandates,
    money: enMoney,
    leases: enLeases,
    ops: enOps,
    posts: enPosts,
    help: enHelp,
    documents: enDocuments,
  },
  sv: {
    common: svCommon,
    errors: svErrors,
    email: svEmail,
    portal: svPortal,
    console: svConsole,
    imports: svImports,
    integrations: svIntegrations,
    webhooks: svWebhooks,
    billing: svBilling,
    payments: svPayments,
    mandates: svMandates,
    money: svMoney,
    leases: svLeases,
    ops: svOps,
    posts: svPosts,
    help: svHelp,
    documents: svDocuments,
  },
  da: {
    common: daCommon,
    errors: daErrors,
    email: daEmail,
    portal: daPortal,
    console: daConsole,
    imports: daImports,
    integrations: daIntegrations,
    webhooks: daWebhooks,
    billing: daBilling,
    payments: daPayments,
    mandates: daMandates,
    money: daMoney,
    leases: daLeases,
    ops: daOps,
    posts: daPosts,
    help: daHelp,
    documents: daDocuments,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
export type Namespace = (typeof NAMESPACES)[number];
