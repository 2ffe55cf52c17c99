import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { CustomerForm } from '@/features/customers/components/customer-form';

export function CustomerNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <Anchor component={Link} to="/customers" size="sm">
        {t('customers.back')}
      </Anchor>
      <PageHeading title={t('customerForm.createTitle')} />
      <CustomerForm onSaved={(customer) => navigate(`/customers/${customer.id}`)} onCancel={() => navigate('/customers')} />
    </Stack>
  );
}
