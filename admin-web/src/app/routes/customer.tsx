import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { CustomerDetails } from '@/features/customers/components/customer-details';
import { RecordHistory } from '@/features/history/components/record-history';

export function CustomerRoute() {
  const { customerId = '' } = useParams();
  const me = useMe();
  const role = me.data?.role;
  return (
    <CustomerDetails
      key={customerId}
      customerId={customerId}
      portalEnabled={me.data?.landlord.portalEnabled ?? false}
      canManage={role === 'admin' || role === 'manager'}
      history={<RecordHistory recordType="customer" recordId={customerId} />}
      contactHistory={(contactId) => <RecordHistory recordType="contact" recordId={contactId} />}
    />
  );
}
