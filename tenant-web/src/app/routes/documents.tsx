import { CustomerPage } from '@/components/customer-page';
import { DocumentList } from '@/features/documents/components/document-list';

/** Seed 004 "Dokumenter": what the landlord filed for the customer, its leases and its properties (download only). */
export function DocumentsRoute() {
  return (
    <CustomerPage ns="documents" titleKey="portal.title" intro="portal.intro">
      {(customerId) => <DocumentList customerId={customerId} />}
    </CustomerPage>
  );
}
