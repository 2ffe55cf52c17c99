import type { ChangePasswordBody } from '@portico/shared/contracts/accounts';
import type { Ok } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Other devices are signed out by the API; this one stays signed in. */
export function changePassword(body: ChangePasswordBody) {
  return api.post<Ok>('/api/v1/auth/portal/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
