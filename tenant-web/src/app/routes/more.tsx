import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { AccountControls } from '@/components/app-shell';
import { navItems, TAB_PATHS } from '@/lib/nav';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** The phone's "More" tab: every section the role may open that is not in the tab bar, then the account. */
export function MoreRoute() {
  const { t } = useTranslation();
  usePageTitle(t('more.title'));
  const { me, membership, selection, chooseLease, chooseLocale, signOut } = useOutletContext<PortalOutletContext>();
  const items = navItems(membership).filter((i) => !(TAB_PATHS as readonly string[]).includes(i.to));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('more.title')}</Title>
      <nav aria-labelledby="more-sections">
        <Title order={2} size="h4" id="more-sections" mb="xs">
          {t('more.sections')}
        </Title>
        <ul className="more-list">
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>{t(item.label)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="more-account">
        <Title order={2} size="h4" id="more-account" mb="xs">
          {t('more.account')}
        </Title>
        <Stack gap="sm" align="flex-start">
          <AccountControls me={me} selection={selection} onChooseLease={chooseLease} onChooseLocale={chooseLocale} />
          <Button variant="default" onClick={signOut}>
            {t('header.signOut')}
          </Button>
        </Stack>
      </section>
    </Stack>
  );
}
