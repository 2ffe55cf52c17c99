import { CustomerPage } from '@/components/customer-page';
import { NoticeList } from '@/features/operational-info/components/notice-list';

/** Seed 002 "Driftinformation": current and planned notices for the customer's properties (every role). */
export function OperationalInfoRoute() {
  return (
    <CustomerPage ns="ops" titleKey="title">
      {(customerId) => <NoticeList customerId={customerId} />}
    </CustomerPage>
  );
}
