import { MantineProvider } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '@/lib/i18n';
import { cssVariablesResolver, theme } from '@/lib/theme';

/**
 * The app shell. The query client is not here: it comes with the routes that use it (`QueryScope`,
 * app/routes/query-scope.tsx), so the sign-in page loads no React Query.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  // The prerendered sign-in page holds form submits until React owns it (src/boot.ts); the first
  // effect runs once the whole tree is hydrated. (A hook, not a component: the tree stays as prerendered.)
  useEffect(() => {
    (window as { __porticoHydrated?: () => void }).__porticoHydrated?.();
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
}
