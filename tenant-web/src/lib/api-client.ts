import { CUSTOMER_HEADER, createApiClient } from '@portico/shared/http';
import { getSelection } from '@/lib/current-lease';
import { notifySignedOut } from '@/lib/signed-out';

export const api = createApiClient({
  baseUrl: '',
  refreshPath: '/api/v1/auth/portal/refresh',
  headers: () => ({ [CUSTOMER_HEADER]: getSelection()?.customerId }),
  onSignedOut: notifySignedOut,
});
