import type { Membership, PortalMe } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useLandlordInfo } from '@/features/landlord/api/get-landlord-info';
import { useUnreadCount } from '@/features/messages/api/get-unread-count';
import type { LeaseSelection } from '@/lib/current-lease';
import { currentLocale } from '@/lib/i18n';
import { navItems, sectionOf, TAB_PATHS } from '@/lib/nav';
import { LanguagePicker } from './language-picker';
import { LeaseSwitcher } from './lease-switcher';

interface ShellProps {
  me: PortalMe;
  membership: Membership | null;
  selection: LeaseSelection | null;
  onChooseLease: (next: LeaseSelection) => void;
  onChooseLocale: (locale: Locale) => void;
  onSignOut: () => void;
  signingOut: boolean;
}

/**
 * The portal's app shell (issue 12 §7): a compact top bar (the landlord's logo, name and colour; an
 * account menu with the tenancy switcher, language, settings and sign out), a side navigation on wide
 * screens and a bottom tab bar on phones (Home, Messages, Cases, More → /more lists the rest). Both
 * navigations are always rendered under the same name; CSS shows one, so the hidden one is out of the
 * accessibility tree.
 */
export function AppShell({ children, ...props }: ShellProps & { children: ReactNode }) {
  const { t } = useTranslation();
  const { membership } = props;
  const items = navItems(membership);
  const unread = useUnreadCount(Boolean(membership));
  const unreadCount = unread.data?.inbox ?? 0;
  const badge = unreadCount > 0 && (
    <span className="nav-count">
      <span aria-hidden="true">{unread.data?.capped ? '99+' : unreadCount}</span>
      <span className="visually-hidden">{t('nav.unread', { count: unreadCount })}</span>
    </span>
  );
  const { pathname } = useLocation();
  const section = sectionOf(pathname);
  const inMore = !(TAB_PATHS as readonly string[]).includes(section);
  return (
    <>
      <TopBar {...props} />
      <div className="app-body">
        <nav className="side-nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>
                  {t(item.label)}
                  {item.to === '/messages' && badge}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-content">{children}</div>
      </div>
      <nav className="tab-bar" aria-label={t('nav.label')}>
        <NavLink to="/home">
          <TabIcon d="M3 11 12 3l9 8v10h-6v-6H9v6H3z" />
          <span>{t('nav.home')}</span>
        </NavLink>
        <NavLink to="/messages">
          <TabIcon d="M3 5h18v12H8l-5 4z" />
          <span>{t('nav.messages')}</span>
          {badge}
        </NavLink>
        <NavLink to="/cases">
          <TabIcon d="M4 4h16v16H4zM8 9h8M8 13h8M8 17h5" />
          <span>{t('nav.cases')}</span>
        </NavLink>
        <NavLink to="/more" aria-current={inMore ? 'page' : undefined} className={inMore ? 'active' : undefined}>
          <TabIcon d="M4 6h16M4 12h16M4 18h16" />
          <span>{t('nav.more')}</span>
        </NavLink>
      </nav>
    </>
  );
}

function TabIcon({ d }: { d: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

/** The landlord's logo, name and colour; the account menu on the right. */
function TopBar(props: ShellProps) {
  const { t } = useTranslation();
  const { membership } = props;
  const info = useLandlordInfo(membership?.customerId ?? '');
  const brand = info.data;
  const name = brand?.displayName ?? membership?.landlord.name;
  const colour = brand?.brandColour ?? null;
  return (
    <header className="app-bar" data-branded={colour ? 'true' : undefined} style={colour ? { background: colour } : undefined}>
      <Link to="/home" className="app-brand" aria-label={name ? t('header.home', { landlord: name }) : t('appName')}>
        {brand?.logoUrl && <img src={brand.logoUrl} alt="" className="app-logo" />}
        <span className="app-brand-name">{name ?? t('appName')}</span>
      </Link>
      <AccountMenu {...props} />
    </header>
  );
}

/**
 * A disclosure (button + panel), not a Mantine Menu: it holds form controls (the tenancy and language
 * pickers), and loads no popover library. Escape or a click outside closes it; so does navigating.
 */
function AccountMenu({ me, selection, onChooseLease, onChooseLocale, onSignOut, signingOut }: ShellProps) {
  const { t } = useTranslation();
  // Open for the page it was opened on: navigating closes it.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpenOn(null);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);
  const initial = me.name.trim().charAt(0).toUpperCase() || '?';
  return (
    <div className="account" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="account-initial" aria-hidden="true">
          {initial}
        </span>
        <span className="account-label">{t('header.account')}</span>
      </button>
      {/* The panel's content exists only while open: nothing in it (the user's name) shadows the page's text. */}
      <div id={panelId} className="account-panel" hidden={!open}>
        {open && (
          <>
            <p className="account-name">{me.name}</p>
            <AccountControls
              me={me}
              selection={selection}
              onChooseLease={(next) => {
                setOpenOn(null);
                onChooseLease(next);
              }}
              onChooseLocale={onChooseLocale}
            />
            <Link to="/settings" className="account-link">
              {t('nav.settings')}
            </Link>
            <button type="button" className="account-link" onClick={onSignOut} disabled={signingOut}>
              {t('header.signOut')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** The tenancy switcher (only with more than one) and the language: in the account menu and on /more. */
export function AccountControls({
  me,
  selection,
  onChooseLease,
  onChooseLocale,
}: Pick<ShellProps, 'me' | 'selection' | 'onChooseLease' | 'onChooseLocale'>) {
  return (
    <div className="account-controls">
      <LeaseSwitcher me={me} value={selection} onChange={onChooseLease} />
      <LanguagePicker value={currentLocale()} onChange={onChooseLocale} />
    </div>
  );
}
