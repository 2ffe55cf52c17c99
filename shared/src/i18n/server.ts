import daCommon from './da/common.json';
import daEmail from './da/email.json';
import daErrors from './da/errors.json';
import daImports from './da/imports.json';
import daLeases from './da/leases.json';
import enCommon from './en/common.json';
import enEmail from './en/email.json';
import enErrors from './en/errors.json';
import enImports from './en/imports.json';
import enLeases from './en/leases.json';
import svCommon from './sv/common.json';
import svEmail from './sv/email.json';
import svErrors from './sv/errors.json';
import svImports from './sv/imports.json';
import svLeases from './sv/leases.json';

/**
 * The namespaces the API and the worker translate with (errors, e-mails, SMS): the SPAs' own
 * `portal` and `console` catalogues stay out of the server bundle (a third of its size).
 */
export const serverResources = {
  en: { common: enCommon, errors: enErrors, email: enEmail, imports: enImports, leases: enLeases },
  sv: { common: svCommon, errors: svErrors, email: svEmail, imports: svImports, leases: svLeases },
  da: { common: daCommon, errors: daErrors, email: daEmail, imports: daImports, leases: daLeases },
} as const;
