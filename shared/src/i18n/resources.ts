import daCommon from './da/common.json';
import daConsole from './da/console.json';
import daEmail from './da/email.json';
import daErrors from './da/errors.json';
import daImports from './da/imports.json';
import daIntegrations from './da/integrations.json';
import daPortal from './da/portal.json';
import daWebhooks from './da/webhooks.json';
import enCommon from './en/common.json';
import enConsole from './en/console.json';
import enEmail from './en/email.json';
import enErrors from './en/errors.json';
import enImports from './en/imports.json';
import enIntegrations from './en/integrations.json';
import enPortal from './en/portal.json';
import enWebhooks from './en/webhooks.json';
import svCommon from './sv/common.json';
import svConsole from './sv/console.json';
import svEmail from './sv/email.json';
import svErrors from './sv/errors.json';
import svImports from './sv/imports.json';
import svIntegrations from './sv/integrations.json';
import svPortal from './sv/portal.json';
import svWebhooks from './sv/webhooks.json';

/**
 * The one catalogue, split by namespace so each surface loads what it uses:
 * `common` and `errors` everywhere, `portal` in tenant-web, `console` in admin-web, `email` in the worker,
 * `imports` (spreadsheet column labels, error report) in the API and the console's import pages,
 * `integrations` (API keys) and `webhooks` (issue 10) in the console's pages for integrators.
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
  },
} as const;

export const NAMESPACES = ['common', 'errors', 'email', 'portal', 'console', 'imports', 'integrations'] as const;
export type Namespace = (typeof NAMESPACES)[number];
