import '@portico/shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { router } from '@/app/router';
import { i18nReady } from '@/lib/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// The router starts loading the page's chunk at once; the first render waits only for the catalogue
// of the user's language (a failed load still renders, with keys, rather than a blank page).
void i18nReady
  .catch(() => undefined)
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <AppProviders>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    );
  });
