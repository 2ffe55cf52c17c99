import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { authKeys } from '@/features/auth/api/keys';
import { i18n } from '@/lib/i18n';
import { queryClient } from '@/lib/query-client';
import { onSignedOut } from '@/lib/signed-out';
import { cssVariablesResolver, theme } from '@/lib/theme';

export function AppProviders({ children }: { children: ReactNode }) {
  // A failed refresh means the session is gone: the portal layout then sends the user to /login.
  useEffect(() => onSignedOut(() => queryClient.setQueryData(authKeys.me(), null)), []);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
