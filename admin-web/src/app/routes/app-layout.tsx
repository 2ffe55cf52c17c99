import { Alert, Box, Button, Container, Group, Text } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import type { Locale } from '@portico/shared/locale';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LanguagePicker } from '@/components/language-picker';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { useUpdateProfile } from '@/features/auth/api/update-profile';
import { useUnreadCount } from '@/features/messages/api/get-unread-count';
import { onSignedOut } from '@/lib/api-client';
import { i18n, storedLocale } from '@/lib/i18n';

function loginPath(location: { pathname: string; search: string }) {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Paths of the settings area (settings-layout.tsx): its one main-navigation entry stays current there. */
const SETTINGS_AREA = /^\/(settings|staff|imports)(\/|$)/;

/** Technicians work their assigned cases only, so they see just the queue. */
function MainNav({ technician, contentEditor }: { technician: boolean; contentEditor: boolean }) {
  const { t } = useTranslation();
  const settingsArea = SETTINGS_AREA.test(useLocation().pathname);
  const unread = useUnreadCount({ enabled: !technician });
  const count = technician ? 0 : (unread.data?.inbox ?? 0);
  const capped = !technician && unread.data?.capped === true;
  return (
    <Box component="nav" aria-label={t('nav.label')} className="main-nav">
      <ul>
        {!technician && (
          <li>
            <NavLink to="/messages" aria-describedby={count > 0 ? 'nav-unread' : undefined}>
              {t('nav.messages')}
              {count > 0 && (
                <span className="nav-badge" aria-hidden="true">
                  {capped ? `${count}+` : count}
                </span>
              )}
            </NavLink>
            <span id="nav-unread" hidden>
              {capped ? t('nav.unreadCapped', { count }) : t('nav.unread', { count })}
            </span>
          </li>
        )}
        <li>
          <NavLink to="/cases">{t('nav.cases')}</NavLink>
        </li>
        {!technician && (
          <>
            <li>
              <NavLink to="/customers">{t('nav.customers')}</NavLink>
            </li>
            <li>
              <NavLink to="/properties">{t('nav.properties')}</NavLink>
            </li>
            <li>
              <NavLink to="/leases">{t('nav.leases')}</NavLink>
            </li>
            <li>
              <NavLink to="/objects">{t('nav.objects')}</NavLink>
            </li>
            <li>
              <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
            </li>
            <li>
              <NavLink to="/billing">{t('nav.billing')}</NavLink>
            </li>
            {contentEditor && (
              <li>
                <NavLink to="/content">{t('nav.content')}</NavLink>
              </li>
            )}
            <li>
              <Link to="/settings" aria-current={settingsArea ? 'page' : undefined}>
                {t('nav.settings')}
              </Link>
            </li>
          </>
        )}
      </ul>
    </Box>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const updateProfile = useUpdateProfile();

  // A request found the session gone (refresh failed): back to sign-in, then back here.
  useEffect(
    () =>
      onSignedOut(() => {
        queryClient.clear();
        navigate(loginPath(window.location), { replace: true });
      }),
    [navigate, queryClient],
  );

  // After client-side navigation, move focus to the new page so screen readers announce it.
  const previousPath = useRef<string | null>(null);
  const pathname = location.pathname;
  useEffect(() => {
    const previous = previousPath.current;
    previousPath.current = pathname;
    if (previous !== null && previous !== '/' && previous !== pathname) document.getElementById('main')?.focus();
  }, [pathname]);

  // Until the user picks a language on this device: their saved one, else the landlord's default.
  const saved = me.data?.locale;
  const landlordDefault = me.data?.landlord.defaultLocale;
  useEffect(() => {
    const locale = saved ?? landlordDefault;
    if (locale && !storedLocale() && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [saved, landlordDefault]);

  if (me.isPending) {
    return (
      <Box component="main" id="main">
        <Loading />
      </Box>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiRequestError && me.error.status === 401) return <Navigate to={loginPath(location)} replace />;
    return (
      <Container component="main" id="main" size="sm" py="xl">
        <h1 className="visually-hidden">{t('app.errorTitle')}</h1>
        <ErrorAlert error={me.error} />
        <Button onClick={() => void me.refetch()}>{t('app.retry')}</Button>
      </Container>
    );
  }

  const user = me.data;
  const chooseLocale = (locale: Locale) => updateProfile.mutate({ locale });
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate('/login', { replace: true }),
    });

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className="app-header">
        <Container size="lg" px="md">
          <Group justify="space-between" gap="xs" py="xs" wrap="wrap">
            <Text fw={700} size="lg" className="landlord-name">
              {user.landlord.name}
              <Text span c="dimmed" fw={400} size="xs" ml={6} visibleFrom="xs">
                {t('app.product')}
              </Text>
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" visibleFrom="sm" title={user.email}>
                {user.name}
              </Text>
              <LanguagePicker onChosen={chooseLocale} />
              <Button variant="default" size="xs" onClick={signOut} loading={logout.isPending}>
                {t('nav.signOut')}
              </Button>
            </Group>
          </Group>
          <MainNav technician={user.role === 'technician'} contentEditor={user.role === 'admin' || user.role === 'manager'} />
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className="main">
        <Container size="lg" px="md" py="lg">
          {updateProfile.isError && (
            <Alert
              color="yellow.9"
              variant="light"
              mb="md"
              withCloseButton
              onClose={() => updateProfile.reset()}
              closeButtonLabel={t('app.close')}
            >
              {t('app.localeNotSaved')}
            </Alert>
          )}
          <Outlet />
        </Container>
      </Box>
    </>
  );
}
