import { CUSTOMER_HEADER, createApiClient } from '@portico/shared/http';
import { getSelection } from '@/lib/current-lease';
import { earlyFetch } from '@/lib/early-requests';
import { notifySignedOut } from '@/lib/signed-out';

export const api = createApiClient({
  baseUrl: '',
  refreshPath: '/api/v1/auth/portal/refresh',
  headers: () => ({ [CUSTOMER_HEADER]: getSelection()?.customerId }),
  onSignedOut: notifySignedOut,
  // The boot script may have started this page's first GETs already (lib/early-requests.ts).
  fetch: earlyFetch(),
});
