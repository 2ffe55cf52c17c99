import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { RecordHistory } from '@/features/history/components/record-history';
import { LeaseDetails } from '@/features/leases/components/lease-details';
import { canManageLeases } from './leases';

export function LeaseRoute() {
  const { leaseId = '' } = useParams();
  const me = useMe();
  return (
    <LeaseDetails
      key={leaseId}
      leaseId={leaseId}
      canManage={canManageLeases(me.data?.role)}
      history={<RecordHistory recordType="lease" recordId={leaseId} />}
    />
  );
}
