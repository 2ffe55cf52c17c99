import daCommon from './da/common.json';
import daEmail from './da/email.json';
import daErrors from './da/errors.json';
import enCommon from './en/common.json';
import enEmail from './en/email.json';
import enErrors from './en/errors.json';
import svCommon from './sv/common.json';
import svEmail from './sv/email.json';
import svErrors from './sv/errors.json';

/**
 * The namespaces the API and the worker translate with (errors, e-mails, SMS): the SPAs' own
 * `portal` and `console` catalogues stay out of the server bundle (a third of its size).
 */
export const serverResources = {
  en: { common: enCommon, errors: enErrors, email: enEmail },
  sv: { common: svCommon, errors: svErrors, email: svEmail },
  da: { common: daCommon, errors: daErrors, email: daEmail },
} as const;
