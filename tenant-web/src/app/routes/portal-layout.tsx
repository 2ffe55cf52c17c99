import { Alert, Button, Stack } from '@mantine/core';
import type { Membership } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell } from '@/components/app-shell';
import { PageLoader } from '@/components/page-loader';
import { SiteHeader } from '@/components/site-header';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { saveLocale } from '@/features/auth/api/save-locale';
import { rememberLandlord } from '@/lib/branding';
import { type LeaseSelection, resolveSelection, setSelection, useSelection } from '@/lib/current-lease';
import { errorText } from '@/lib/errors';
import { applyLocale, browserLocale, storedLocale, storeLocale } from '@/lib/i18n';
import { allowedSection } from '@/lib/nav';
import { PORTAL_SCOPE } from '@/lib/query-client';
import { MainRegion } from './main-region';
import { SkipLink } from './skip-link';

/** Everything behind sign-in: resolves the user, the current customer/lease and the language. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const stored = useSelection();
  const logout = useLogout();

  const user = me.data ?? null;
  const selection = user ? resolveSelection(user, stored) : null;
  const membership = user?.memberships.find((m) => m.customerId === selection?.customerId);

  // Keep the stored selection valid for this user.
  useEffect(() => {
    if (!selection) return;
    if (stored?.customerId !== selection.customerId || stored?.leaseId !== selection.leaseId) setSelection(selection);
  }, [selection, stored]);

  // The sign-in page shows this landlord's branding next time on this device.
  const landlordId = membership?.landlord.id;
  useEffect(() => {
    if (landlordId) rememberLandlord(landlordId);
  }, [landlordId]);

  // Until the user picks a language: their saved one, else the landlord's default, else the browser's.
  const savedLocale = user?.locale ?? null;
  const landlordLocale = membership?.landlord.defaultLocale ?? null;
  useEffect(() => {
    if (!user || storedLocale()) return;
    void applyLocale(savedLocale ?? landlordLocale ?? browserLocale() ?? 'sv');
  }, [user, savedLocale, landlordLocale]);

  if (me.isPending) {
    return (
      <>
        <SkipLink />
        <SiteHeader controls={null} />
        <MainRegion>
          <PageLoader />
        </MainRegion>
      </>
    );
  }

  if (me.isError) {
    return (
      <>
        <SkipLink />
        <SiteHeader controls={null} />
        <MainRegion>
          <Stack>
            <h1>{t('error.title')}</h1>
            <Alert color="red" role="alert">
              {errorText(t, me.error)}
            </Alert>
            <div>
              <Button onClick={() => void me.refetch()}>{t('error.retry')}</Button>
            </div>
          </Stack>
        </MainRegion>
      </>
    );
  }

  if (!user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

  const chooseLocale = (locale: Locale) => {
    storeLocale(locale);
    void applyLocale(locale);
    void saveLocale(queryClient, locale);
  };

  const chooseLease = (next: LeaseSelection) => {
    const customerChanged = next.customerId !== selection?.customerId;
    setSelection(next);
    if (customerChanged) void queryClient.invalidateQueries({ queryKey: [PORTAL_SCOPE] });
    // Stay on a section the role in the new customer still allows; a thread or a case belongs to the old one.
    const nextMembership = user.memberships.find((m) => m.customerId === next.customerId);
    const path = location.pathname;
    const section = allowedSection(nextMembership, path);
    if (section === null) navigate('/home');
    else if (section !== path && path !== '/cases/new' && !path.startsWith('/settings')) navigate(section);
  };

  const signOut = () => {
    logout.signOut(() => navigate('/login', { replace: true }));
  };

  return (
    <>
      <SkipLink />
      <AppShell
        me={user}
        membership={membership ?? null}
        selection={selection}
        onChooseLease={chooseLease}
        onChooseLocale={chooseLocale}
        onSignOut={signOut}
        signingOut={logout.isPending}
      >
        <MainRegion>
          <Outlet
            context={
              { me: user, selection, membership: membership ?? null, chooseLocale, chooseLease, signOut } satisfies PortalOutletContext
            }
          />
        </MainRegion>
      </AppShell>
    </>
  );
}

export interface PortalOutletContext {
  me: NonNullable<ReturnType<typeof useMe>['data']>;
  selection: LeaseSelection | null;
  /** The membership of the selected customer: its role decides Organisation and Invoices. */
  membership: Membership | null;
  /** Switch the language and save it on the user (the header's picker and Settings share it). */
  chooseLocale: (locale: Locale) => void;
  /** Switch the acting customer/lease (the account menu and /more share it). */
  chooseLease: (next: LeaseSelection) => void;
  signOut: () => void;
}
