import daCommon from './da/common.json';
import daEmail from './da/email.json';
import daErrors from './da/errors.json';
import daImports from './da/imports.json';
import enCommon from './en/common.json';
import enEmail from './en/email.json';
import enErrors from './en/errors.json';
import enImports from './en/imports.json';
import svCommon from './sv/common.json';
import svEmail from './sv/email.json';
import svErrors from './sv/errors.json';
import svImports from './sv/imports.json';

/**
 * The namespaces the API and the worker translate with (errors, e-mails, SMS): the SPAs' own
 * `portal` and `console` catalogues stay out of the server bundle (a third of its size).
 */
export const serverResources = {
  en: { common: enCommon, errors: enErrors, email: enEmail, imports: enImports },
  sv: { common: svCommon, errors: svErrors, email: svEmail, imports: svImports },
  da: { common: daCommon, errors: daErrors, email: daEmail, imports: daImports },
} as const;
