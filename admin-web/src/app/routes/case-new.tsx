import { Anchor } from '@mantine/core';
import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { NewCaseForm } from '@/features/cases/components/new-case-form';
import { CustomerPicker } from '@/features/customers/components/customer-picker';

export function CaseNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const initialCustomerId = params.get('customerId');

  return (
    <>
      <Anchor component={Link} to="/cases" size="sm">
        {t('cases.back')}
      </Anchor>
      <PageHeading title={t('cases.newTitle')} />
      <NewCaseForm
        customer={customer}
        renderCustomerPicker={({ error }) => (
          <CustomerPicker value={customer} onChange={setCustomer} initialCustomerId={initialCustomerId} error={error} />
        )}
        onCreated={(detail) => navigate(`/cases/${detail.id}`)}
      />
    </>
  );
}
