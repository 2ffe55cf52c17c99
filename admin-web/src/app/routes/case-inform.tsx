import { Anchor, Text } from '@mantine/core';
import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { InformTenantsForm } from '@/features/cases/components/inform-tenants-form';
import { CustomerPicker } from '@/features/customers/components/customer-picker';

/** Seed 001 "relaterade ärenden": a case that informs one customer or a whole property. */
export function CaseInformRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);

  return (
    <>
      <Anchor component={Link} to="/cases" size="sm">
        {t('cases.back')}
      </Anchor>
      <PageHeading title={t('cases.inform.title')} />
      <Text mb="md">{t('cases.inform.intro')}</Text>
      <InformTenantsForm
        customer={customer}
        renderCustomerPicker={({ error }) => <CustomerPicker value={customer} onChange={setCustomer} error={error} />}
        onCreated={(detail) => navigate(`/cases/${detail.id}`)}
      />
    </>
  );
}
