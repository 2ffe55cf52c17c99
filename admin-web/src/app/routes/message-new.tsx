import { Anchor } from '@mantine/core';
import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { CustomerPicker } from '@/features/customers/components/customer-picker';
import { NewThreadForm } from '@/features/messages/components/new-thread-form';

export function MessageNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const initialCustomerId = params.get('customerId');

  return (
    <>
      <Anchor component={Link} to="/messages" size="sm">
        {t('thread.back')}
      </Anchor>
      <PageHeading title={t('compose.title')} />
      <NewThreadForm
        customer={customer}
        renderCustomerPicker={({ error }) => (
          <CustomerPicker value={customer} onChange={setCustomer} initialCustomerId={initialCustomerId} error={error} />
        )}
        onCreated={(thread) => navigate(`/messages/${thread.id}`)}
      />
    </>
  );
}
