import '@/mantine.css';
import '@/styles.css';
import { Alert, Badge, createTheme, InputBase, MantineProvider, NativeSelect, PasswordInput, Textarea, TextInput } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '@/lib/i18n';
import { queryClient } from '@/lib/query-client';

/** Shade 8 of the default palette keeps white text on filled buttons above 4.5:1 (WCAG AA). */
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  focusRing: 'auto',
  defaultRadius: 'sm',
  components: {
    // No asterisk inside labels: it would become part of the label text (`required` is still announced).
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    Textarea: Textarea.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
    InputBase: InputBase.extend({ defaultProps: { withAsterisk: false } }),
    // Status badges carry words ("Väntar på hyresgäst"): they wrap and grow instead of ending in "…".
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, textAlign: 'center' },
      },
    }),
    // Alerts use a pale tint of their colour; text stays in the body colour for contrast.
    Alert: Alert.extend({
      styles: { title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider
          theme={theme}
          defaultColorScheme="light"
          cssVariablesResolver={() => ({
            variables: {},
            light: {
              '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
              '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
              // Error text and borders at 4.5:1 on white (shade 6 is about 3.3:1).
              '--mantine-color-error': 'var(--mantine-color-red-9)',
            },
            dark: {},
          })}
        >
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
