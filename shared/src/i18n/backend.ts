import type { Locale } from '../locale';
import daCommon from './da/common.json';
import enCommon from './en/common.json';
import svCommon from './sv/common.json';

type Catalogue = Record<string, unknown>;
type Loader = () => Promise<{ default: Catalogue }>;
type ReadCallback = (error: Error | null, data: Catalogue | boolean) => void;

/**
 * Catalogues for the browser, loaded per language and namespace on demand: each `import()` below is a
 * chunk of its own, fetched only when i18next asks for that language and namespace. An SPA names the
 * namespaces it uses (`ns` in its init), so the portal never fetches `console` and neither SPA `email`.
 * The API keeps importing everything at once from `./resources`.
 */
const loaders: Record<Locale, Record<string, Loader>> = {
  sv: {
    errors: () => import('./sv/errors.json'),
    portal: () => import('./sv/portal.json'),
    console: () => import('./sv/console.json'),
    imports: () => import('./sv/imports.json'),
    integrations: () => import('./sv/integrations.json'),
    webhooks: () => import('./sv/webhooks.json'),
    billing: () => import('./sv/billing.json'),
    payments: () => import('./sv/payments.json'),
    mandates: () => import('./sv/mandates.json'),
    money: () => import('./sv/money.json'),
    leases: () => import('./sv/leases.json'),
    ops: () => import('./sv/ops.json'),
    posts: () => import('./sv/posts.json'),
    help: () => import('./sv/help.json'),
    documents: () => import('./sv/documents.json'),
  },
  da: {
    errors: () => import('./da/errors.json'),
    portal: () => import('./da/portal.json'),
    console: () => import('./da/console.json'),
    imports: () => import('./da/imports.json'),
    integrations: () => import('./da/integrations.json'),
    webhooks: () => import('./da/webhooks.json'),
    billing: () => import('./da/billing.json'),
    payments: () => import('./da/payments.json'),
    mandates: () => import('./da/mandates.json'),
    money: () => import('./da/money.json'),
    leases: () => import('./da/leases.json'),
    ops: () => import('./da/ops.json'),
    posts: () => import('./da/posts.json'),
    help: () => import('./da/help.json'),
    documents: () => import('./da/documents.json'),
  },
  en: {
    errors: () => import('./en/errors.json'),
    portal: () => import('./en/portal.json'),
    console: () => import('./en/console.json'),
    imports: () => import('./en/imports.json'),
    integrations: () => import('./en/integrations.json'),
    webhooks: () => import('./en/webhooks.json'),
    billing: () => import('./en/billing.json'),
    payments: () => import('./en/payments.json'),
    mandates: () => import('./en/mandates.json'),
    money: () => import('./en/money.json'),
    leases: () => import('./en/leases.json'),
    ops: () => import('./en/ops.json'),
    posts: () => import('./en/posts.json'),
    help: () => import('./en/help.json'),
    documents: () => import('./en/documents.json'),
  },
};

/**
 * `common` is bundled for all three languages (under 0.2 kB each): the language picker names every
 * language in that language ("Dansk" on a Swedish page), so all three must be at hand. Use with
 * `partialBundledLanguages: true`, so i18next still loads the other namespaces through the backend.
 */
export const bundledCatalogues = {
  sv: { common: svCommon },
  da: { common: daCommon },
  en: { common: enCommon },
} as const;

/**
 * An i18next backend that reads the catalogues above through dynamic `import()` (typed structurally,
 * like `genitive.ts`, so shared needs no i18next dependency).
 */
export const lazyCatalogueBackend = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = (loaders as Record<string, Record<string, Loader> | undefined>)[language]?.[namespace];
    if (!load) {
      callback(new Error(`no catalogue ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      // `true` asks i18next to retry (a chunk can fail to arrive on a flaky network).
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};
