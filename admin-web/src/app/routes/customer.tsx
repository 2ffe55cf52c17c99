import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { CustomerDetails } from '@/features/customers/components/customer-details';

export function CustomerRoute() {
  const { customerId = '' } = useParams();
  const me = useMe();
  return <CustomerDetails key={customerId} customerId={customerId} portalEnabled={me.data?.landlord.portalEnabled ?? false} />;
}
