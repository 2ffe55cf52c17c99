import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/**
 * Issue 11: the row of links at the top of the portal's money pages — notices, payments and the
 * direct-debit agreement. Each page renders it above its own content.
 */
export function MoneyTabs() {
  const { t } = useTranslation('money');
  const tabs = [
    { to: '/invoices', label: t('tabs.notices'), end: true },
    { to: '/invoices/payments', label: t('tabs.payments'), end: false },
    { to: '/invoices/direct-debit', label: t('tabs.directDebit'), end: false },
  ];
  return (
    <nav aria-label={t('tabs.label')}>
      <Group gap={4} className="money-tabs" wrap="wrap">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="money-tab">
            {tab.label}
          </NavLink>
        ))}
      </Group>
    </nav>
  );
}
