import type { Plugin } from 'vite';
import { portalErrorCatalogue } from '../../shared/src/i18n/portal-errors.ts';

const ERRORS_CATALOGUE = /[\\/]i18n[\\/](sv|da|en)[\\/]errors\.json$/;

/** Builds the portal with the `errors` catalogue minus the console-only messages (shared/src/i18n/portal-errors.ts). */
export function portalErrorsPlugin(): Plugin {
  return {
    name: 'portico-portal-errors',
    enforce: 'pre',
    transform(code, id) {
      if (!ERRORS_CATALOGUE.test(id.split('?')[0] ?? id)) return null;
      return { code: JSON.stringify(portalErrorCatalogue(JSON.parse(code))), map: null };
    },
  };
}
