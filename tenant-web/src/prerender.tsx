import { LOCALES, type Locale } from '@portico/shared/locales';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { resolveLazyRoutes, routes } from '@/app/router';
import { i18n, i18nReady } from '@/lib/i18n';

/**
 * Build-time rendering of a public page (build/boot-plugin.ts loads this through Vite's SSR): the same
 * tree main.tsx hydrates — StrictMode, AppProviders, RouterProvider over the same route table with the
 * matched lazy routes resolved — so `useId` and every attribute agree and hydration is silent.
 */
export async function render(path: string, locale: Locale): Promise<string> {
  await i18nReady;
  await i18n.changeLanguage(locale);
  await resolveLazyRoutes(routes, path);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return renderToString(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

export { LOCALES as locales, routes };
