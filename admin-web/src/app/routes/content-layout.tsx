import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SubNav } from '@/components/sub-nav';

/**
 * The portal's content (issue 12): operational notices, news and bulletin posts, help articles and
 * documents share one entry in the main navigation and a second row of links here. Admins and
 * managers (AdminsAndManagers in role-gate.tsx).
 */
export function ContentLayout() {
  const { t } = useTranslation();
  const links = [
    { to: '/content', label: t('nav.contentNotices'), end: true },
    { to: '/content/posts', label: t('nav.contentPosts') },
    { to: '/content/help', label: t('nav.contentHelp') },
    { to: '/content/documents', label: t('nav.contentDocuments') },
  ];
  return (
    <>
      <SubNav label={t('nav.contentSections')} links={links} />
      <Outlet />
    </>
  );
}
