import '@portico/shared/zod-jitless';
import './mantine.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { resolveLazyRoutes, routes } from '@/app/router';
import { i18nReady } from '@/lib/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');

// The inline boot script (src/boot.ts) has put the prerendered sign-in page into #root when there is
// one for this path and language: hydrate it. Otherwise render from scratch.
const prerendered = root.hasChildNodes();

function app(router: ReturnType<typeof createBrowserRouter>) {
  return (
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
}

async function start(container: HTMLElement) {
  // The catalogue of the user's language is needed before the first render either way (a failed load
  // still renders, with keys, rather than a blank page).
  const catalogue = i18nReady.catch(() => undefined);
  if (prerendered) {
    // Hydration needs the matched routes' code at hand: the tree must render as prerendered at once,
    // not the router's fallback first.
    await Promise.all([catalogue, resolveLazyRoutes(routes, window.location.pathname)]);
    hydrateRoot(container, app(createBrowserRouter(routes)));
  } else {
    // Created before waiting: the router starts loading the page's chunk and data at once.
    const router = createBrowserRouter(routes);
    await catalogue;
    createRoot(container).render(app(router));
  }
}

void start(root);
